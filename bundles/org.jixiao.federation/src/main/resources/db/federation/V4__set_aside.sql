-- A change that cannot be applied (unreadable, a value its column cannot hold) is kept among the refused ones with
-- its whole text, so that nothing a county sent is lost and its later changes are not held up behind it.
ALTER TABLE JX_SYNC_REFUSED ADD COLUMN BODY CLOB;
