-- Hardening: an experiment started from a notebook cell records which one, so deleting the notebook (or
-- removing the cell) deletes its experiments and their runs. NULL = started through the HTTP API or before V6.
-- No foreign key: the service cancels a running experiment before it deletes its rows.
ALTER TABLE experiment ADD COLUMN notebook_id VARCHAR(36);
ALTER TABLE experiment ADD COLUMN cell_id VARCHAR(64);
CREATE INDEX experiment_notebook ON experiment (notebook_id, cell_id);
