"""Print the CLI reference (docs/cli.md), generated from the commands' own --help."""

from __future__ import annotations

import os

import click
import typer

os.environ["COLUMNS"] = "100"
os.environ["TERM"] = "dumb"
os.environ["NO_COLOR"] = "1"

import typer.core  # noqa: E402

typer.core.HAS_RICH = False  # plain help text, stable in Markdown

from livebrief.cli import (  # noqa: E402,F401
    app,  # noqa: E402
    briefing,
    evaluate,
    ingest,
    understand,
)


def walk(cmd: click.Command, path: list[str]) -> list[tuple[list[str], click.Command]]:
    out = [(path, cmd)]
    if hasattr(cmd, "commands"):  # a group (typer may bring its own click classes)
        for name in sorted(cmd.commands):
            out += walk(cmd.commands[name], [*path, name])
    return out


def main() -> None:
    root = typer.main.get_command(app)
    print("# CLI reference\n")
    print("Generated from `--help` by `python scripts/cli-docs.py > docs/cli.md`.\n")
    for path, cmd in walk(root, ["livebrief"]):
        ctx = click.Context(cmd, info_name=" ".join(path))
        print(f"## `{' '.join(path)}`\n")
        print("```")
        text = cmd.get_help(ctx)
        print("\n".join(line.rstrip() for line in text.splitlines()))
        print("```\n")


if __name__ == "__main__":
    main()
