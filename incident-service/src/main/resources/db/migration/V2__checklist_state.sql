-- Checklists get item state (open/done/skipped), assignees and stable ids; incidents get the
-- active stage and who ended them. Existing checklists (stages of steps) are converted in place.
UPDATE incident SET checklists = (
    SELECT coalesce(jsonb_agg(jsonb_build_object(
               'id', coalesce(stage ->> 'id', gen_random_uuid()::text),
               'title', stage ->> 'title',
               'items', (SELECT coalesce(jsonb_agg(jsonb_build_object(
                                    'id', coalesce(step ->> 'id', gen_random_uuid()::text),
                                    'title', step ->> 'title',
                                    'description', step -> 'description',
                                    'slashCommand', step -> 'slashCommand',
                                    'state', 'OPEN') ORDER BY step_no), '[]'::jsonb)
                         FROM jsonb_array_elements(coalesce(stage -> 'steps', '[]'::jsonb))
                              WITH ORDINALITY AS steps(step, step_no))) ORDER BY stage_no), '[]'::jsonb)
    FROM jsonb_array_elements(checklists::jsonb) WITH ORDINALITY AS stages(stage, stage_no))::text;

ALTER TABLE incident
    ADD COLUMN active_stage_id VARCHAR(40),
    ADD COLUMN ended_by        VARCHAR(100);
UPDATE incident SET active_stage_id = checklists::jsonb -> 0 ->> 'id';
