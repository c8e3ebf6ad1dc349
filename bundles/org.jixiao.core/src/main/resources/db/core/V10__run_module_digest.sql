-- What scored a run, to the byte: the SHA-256 of the module's bundle content, beside its id and version, so a run
-- can be told apart from one of another build that claims the same version. Null for runs made before.
ALTER TABLE JX_EVAL_RUN ADD COLUMN MODULE_DIGEST VARCHAR(64);
