-- The goal-mandala service's tables, as far as the operations guides describe them.
-- processing_state: DESIGN.md "The service being operated" (seed 002 "処理状態の統計",
-- seed 004 "データ整合性問題"); the goal hierarchy: seed 004 "データの不整合".
DROP SCHEMA IF EXISTS mandala_ops CASCADE;
DROP TABLE IF EXISTS processing_state, tasks, actions, sub_goals, goals, profiles CASCADE;

CREATE TABLE profiles (
    id            uuid PRIMARY KEY,
    user_id       uuid NOT NULL UNIQUE,
    email         text NOT NULL,
    display_name  text NOT NULL,
    industry      text,
    company_size  text,
    job_title     text,
    position      text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE goals (
    id            uuid PRIMARY KEY,
    user_id       uuid NOT NULL,
    title         text NOT NULL,
    description   text NOT NULL,
    deadline      date,
    background    text,
    constraints   text,
    status        text NOT NULL DEFAULT 'ACTIVE',
    progress      integer NOT NULL DEFAULT 0,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE sub_goals (
    id            uuid PRIMARY KEY,
    goal_id       uuid NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
    title         text NOT NULL,
    description   text NOT NULL,
    background    text,
    position      integer NOT NULL CHECK (position BETWEEN 0 AND 7),
    progress      integer NOT NULL DEFAULT 0,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE actions (
    id            uuid PRIMARY KEY,
    sub_goal_id   uuid NOT NULL REFERENCES sub_goals (id) ON DELETE CASCADE,
    title         text NOT NULL,
    description   text NOT NULL,
    background    text,
    type          text NOT NULL CHECK (type IN ('EXECUTION', 'HABIT')),
    position      integer NOT NULL CHECK (position BETWEEN 0 AND 7),
    progress      integer NOT NULL DEFAULT 0,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE tasks (
    id                 uuid PRIMARY KEY,
    action_id          uuid NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
    title              text NOT NULL,
    description        text NOT NULL,
    estimated_minutes  integer NOT NULL,
    priority           text NOT NULL CHECK (priority IN ('HIGH', 'MEDIUM', 'LOW')),
    dependencies       jsonb NOT NULL DEFAULT '[]',
    status             text NOT NULL DEFAULT 'NOT_STARTED',
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE processing_state (
    id             uuid PRIMARY KEY,
    user_id        uuid NOT NULL,
    type           text NOT NULL CHECK (type IN ('SUBGOAL_GENERATION', 'ACTION_GENERATION', 'TASK_GENERATION')),
    status         text NOT NULL CHECK (status IN ('PENDING', 'PROCESSING', 'COMPLETED', 'FAILED', 'CANCELLED', 'TIMEOUT')),
    -- Deliberately unconstrained: seed 004 "進捗率の異常" is about values outside 0-100.
    progress       integer NOT NULL DEFAULT 0,
    input          jsonb,
    result         jsonb,
    error          jsonb,
    execution_arn  text,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    completed_at   timestamptz
);

-- seed 004 "データベースクエリの最適化".
CREATE INDEX idx_processing_state_user_created ON processing_state (user_id, created_at DESC);
CREATE INDEX idx_processing_state_status_updated ON processing_state (status, updated_at);
CREATE INDEX idx_processing_state_completed ON processing_state (completed_at) WHERE completed_at IS NOT NULL;
