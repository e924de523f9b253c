-- Failures older than the throttling window are pruned by time.
CREATE INDEX login_failure_at ON login_failure (at);
