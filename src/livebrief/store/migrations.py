"""Schema migrations: an ordered, append-only list. Never edit one that has shipped."""

from __future__ import annotations

MIGRATIONS: tuple[str, ...] = (
    # 1: stories, outlets, reports with versions, embeds, full-text search over reports
    """
    CREATE TABLE stories (
        id INTEGER PRIMARY KEY,
        slug TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        keywords TEXT NOT NULL DEFAULT '[]',
        timezone TEXT NOT NULL DEFAULT 'UTC',
        standfirst TEXT NOT NULL DEFAULT '',
        composed TEXT,
        created TEXT NOT NULL
    );
    CREATE TABLE outlets (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL DEFAULT 'other',
        aliases TEXT NOT NULL DEFAULT '[]',
        domain TEXT
    );
    CREATE TABLE reports (
        id INTEGER PRIMARY KEY,
        story_id INTEGER NOT NULL REFERENCES stories(id),
        url TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        latest INTEGER NOT NULL DEFAULT 1,
        title TEXT NOT NULL DEFAULT '',
        text TEXT NOT NULL,
        published TEXT,
        fetched TEXT,
        outlet TEXT,
        author TEXT,
        language TEXT,
        kind TEXT NOT NULL DEFAULT 'news',
        raw BLOB,
        raw_type TEXT,
        content_hash TEXT NOT NULL,
        cited_sources TEXT NOT NULL DEFAULT '[]',
        enriched INTEGER NOT NULL DEFAULT 0,
        UNIQUE (story_id, url, version)
    );
    CREATE INDEX reports_story_published ON reports(story_id, latest, published);
    CREATE INDEX reports_story_hash ON reports(story_id, content_hash);
    CREATE TABLE embeds (
        id INTEGER PRIMARY KEY,
        report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        author TEXT NOT NULL DEFAULT '',
        handle TEXT NOT NULL DEFAULT '',
        date TEXT,
        text TEXT NOT NULL DEFAULT '',
        url TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX embeds_report ON embeds(report_id);
    CREATE VIRTUAL TABLE reports_fts USING fts5(
        title, text, content='reports', content_rowid='id', tokenize='porter unicode61'
    );
    CREATE TRIGGER reports_ai AFTER INSERT ON reports BEGIN
        INSERT INTO reports_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
    END;
    CREATE TRIGGER reports_ad AFTER DELETE ON reports BEGIN
        INSERT INTO reports_fts(reports_fts, rowid, title, text)
        VALUES ('delete', old.id, old.title, old.text);
    END;
    """,
    # 2: what enrichment finds, per sentence
    """
    CREATE TABLE sentences (
        id INTEGER PRIMARY KEY,
        report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        text TEXT NOT NULL,
        event_date TEXT,
        date_precision TEXT,
        date_evidence TEXT,
        date_start INTEGER,
        date_end INTEGER,
        scheduled INTEGER NOT NULL DEFAULT 0,
        denial INTEGER NOT NULL DEFAULT 0,
        UNIQUE (report_id, position)
    );
    CREATE INDEX sentences_event_date ON sentences(event_date);
    CREATE TABLE entities (
        id INTEGER PRIMARY KEY,
        story_id INTEGER NOT NULL REFERENCES stories(id),
        name TEXT NOT NULL,
        label TEXT NOT NULL,
        aliases TEXT NOT NULL DEFAULT '[]',
        UNIQUE (story_id, name, label)
    );
    CREATE TABLE mentions (
        sentence_id INTEGER NOT NULL REFERENCES sentences(id) ON DELETE CASCADE,
        entity_id INTEGER REFERENCES entities(id),
        text TEXT NOT NULL,
        label TEXT NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL
    );
    CREATE INDEX mentions_sentence ON mentions(sentence_id);
    CREATE INDEX mentions_entity ON mentions(entity_id);
    CREATE TABLE attributions (
        sentence_id INTEGER NOT NULL REFERENCES sentences(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        role TEXT NOT NULL,
        verb TEXT,
        start INTEGER,
        end INTEGER,
        span TEXT
    );
    CREATE INDEX attributions_sentence ON attributions(sentence_id);
    CREATE TABLE quotes (
        sentence_id INTEGER NOT NULL REFERENCES sentences(id) ON DELETE CASCADE,
        text TEXT NOT NULL,
        speaker TEXT,
        start INTEGER,
        end INTEGER
    );
    CREATE INDEX quotes_sentence ON quotes(sentence_id);
    CREATE TABLE figures (
        sentence_id INTEGER NOT NULL REFERENCES sentences(id) ON DELETE CASCADE,
        what TEXT NOT NULL,
        low REAL,
        high REAL,
        qualifier TEXT,
        unit TEXT,
        claimant TEXT,
        as_of TEXT,
        vague TEXT,
        start INTEGER,
        end INTEGER,
        span TEXT
    );
    CREATE INDEX figures_sentence ON figures(sentence_id);
    CREATE TABLE claims (
        denial_id INTEGER NOT NULL REFERENCES sentences(id) ON DELETE CASCADE,
        claim_id INTEGER NOT NULL REFERENCES sentences(id) ON DELETE CASCADE,
        score REAL NOT NULL,
        PRIMARY KEY (denial_id, claim_id)
    );
    """,
    # 3: the briefing: days, bullets, analysis; full-text search over bullets
    """
    CREATE TABLE days (
        story_id INTEGER NOT NULL REFERENCES stories(id),
        date TEXT NOT NULL,
        outlets TEXT NOT NULL DEFAULT '[]',
        PRIMARY KEY (story_id, date)
    );
    CREATE TABLE bullets (
        id INTEGER PRIMARY KEY,
        story_id INTEGER NOT NULL REFERENCES stories(id),
        date TEXT NOT NULL,
        key TEXT NOT NULL,
        text TEXT NOT NULL,
        citations TEXT NOT NULL DEFAULT '[]',
        outlets TEXT NOT NULL DEFAULT '[]',
        position INTEGER NOT NULL DEFAULT 0,
        state TEXT NOT NULL DEFAULT 'draft',
        edited INTEGER NOT NULL DEFAULT 0,
        pinned INTEGER NOT NULL DEFAULT 0,
        flagged INTEGER NOT NULL DEFAULT 0,
        created TEXT NOT NULL,
        updated TEXT NOT NULL,
        UNIQUE (story_id, key)
    );
    CREATE INDEX bullets_story_date ON bullets(story_id, date);
    CREATE TABLE analysis (
        id INTEGER PRIMARY KEY,
        story_id INTEGER NOT NULL REFERENCES stories(id),
        date TEXT NOT NULL,
        position INTEGER NOT NULL DEFAULT 0,
        title TEXT NOT NULL DEFAULT '',
        text TEXT NOT NULL DEFAULT '',
        url TEXT NOT NULL DEFAULT '',
        outlet TEXT,
        author TEXT,
        report_id INTEGER,
        embed TEXT
    );
    CREATE INDEX analysis_story_date ON analysis(story_id, date);
    CREATE VIRTUAL TABLE bullets_fts USING fts5(
        text, content='bullets', content_rowid='id', tokenize='porter unicode61'
    );
    CREATE TRIGGER bullets_ai AFTER INSERT ON bullets BEGIN
        INSERT INTO bullets_fts(rowid, text) VALUES (new.id, new.text);
    END;
    CREATE TRIGGER bullets_ad AFTER DELETE ON bullets BEGIN
        INSERT INTO bullets_fts(bullets_fts, rowid, text) VALUES ('delete', old.id, old.text);
    END;
    CREATE TRIGGER bullets_au AFTER UPDATE OF text ON bullets BEGIN
        INSERT INTO bullets_fts(bullets_fts, rowid, text) VALUES ('delete', old.id, old.text);
        INSERT INTO bullets_fts(rowid, text) VALUES (new.id, new.text);
    END;
    """,
    # 4: which reports the briefing has taken in (incremental composition)
    """
    ALTER TABLE reports ADD COLUMN composed INTEGER NOT NULL DEFAULT 0;
    CREATE INDEX reports_story_composed ON reports(story_id, composed);
    """,
    # 5: every day a sentence names, for date ranking ("since the April 20 explosion")
    """
    ALTER TABLE sentences ADD COLUMN refs TEXT;
    """,
)
