-- Every check-in records the framework its item belongs to (kloe-2017, saf-2023, or a later one added as files),
-- beside the item's code it already held, so a home's evidence can be read under another framework through a
-- crosswalk even if the cohort's framework were ever changed. Rows saved before this migration take their
-- cohort's framework; a code left empty takes the cohort's item for that week.

ALTER TABLE checkin ADD COLUMN framework TEXT NOT NULL DEFAULT '';

UPDATE checkin
SET framework = (SELECT c.framework FROM home h JOIN cohort c ON c.id = h.cohort_id WHERE h.id = checkin.home_id)
WHERE framework = '';

UPDATE checkin
SET code = (SELECT ci.code FROM home h JOIN cohort_item ci ON ci.cohort_id = h.cohort_id
            WHERE h.id = checkin.home_id AND ci.position = checkin.week)
WHERE code = ''
  AND EXISTS (SELECT 1 FROM home h JOIN cohort_item ci ON ci.cohort_id = h.cohort_id
              WHERE h.id = checkin.home_id AND ci.position = checkin.week);
