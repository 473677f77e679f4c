-- Verification reads the stored subtrees in the order a growing tree completes them (by the leaf that completes each,
-- then by level) beside the entries: from this index, instead of sorting every subtree before the first row.
CREATE INDEX journal_node_completion_ix ON journal_node (((idx + 1) << level), level);
