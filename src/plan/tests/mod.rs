//! Tests of the batch rename planner.
