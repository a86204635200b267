-- The read model keeps all of a playbook's settings an incident runs by (roles, status templates and
-- reminder, communication plan, criteria, severities, learning flow); views written before this read
-- as "no settings" until their playbook's next event.
ALTER TABLE playbook_view ADD COLUMN settings TEXT NOT NULL DEFAULT '{}';

-- The roles an incident staffs, copied from its playbook at the start, with their holders.
ALTER TABLE incident ADD COLUMN roles TEXT NOT NULL DEFAULT '[]';
