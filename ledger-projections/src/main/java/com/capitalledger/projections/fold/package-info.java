/**
 * The read models' pure side: how each event maps to a read model's facts, and how facts fold into positions. No
 * Spring, JDBC or Axon here (an ArchUnit rule keeps it so), so the same code serves the event handlers, a bulk
 * rebuild, the consistency check, what-if replays and unit tests in memory.
 */
package com.capitalledger.projections.fold;
