// The SQLite WAL is reused from its start after each complete checkpoint and never shrinks by itself: a burst of
// webhooks (no checkpoint completes while writes keep coming) left a 650 MB file behind. Every connection that
// writes sets journal_size_limit to this, so whichever restarts the WAL cuts it back; the size kept still lets
// later commits overwrite rather than append (an fdatasync of an appended file costs about twice as much).
export const WAL_SIZE_LIMIT_BYTES = 64 * 1024 * 1024;
