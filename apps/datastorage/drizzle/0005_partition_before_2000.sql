-- Custom migration: every month before 2000 shares one partition, audit_events_before_2000,
-- FROM (MINVALUE) TO ('2000-01-01'); months from 2000-01 keep one partition each. Timestamps back to
-- year 0001 once made one partition per month (a batch could create hundreds); now they all land in
-- this one. The boundary is fixed forever: partition ranges are static and may not overlap.
-- Monthly partitions of months before 2000 made by earlier versions are folded into it: each is
-- detached, its rows are copied into audit_events (so into the new partition, unchanged, stored_at
-- included), and only then is the detached table dropped, in the same transaction. No audit row is
-- changed or lost; the append-only triggers refuse UPDATE, DELETE and TRUNCATE, none of which is used.
DO $$
DECLARE
  old_partitions text[];
  old_partition text;
  columns text;
BEGIN
  SELECT coalesce(array_agg(c.relname::text ORDER BY c.relname), '{}') INTO old_partitions
  FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
  WHERE i.inhparent = '"audit_events"'::regclass
    AND c.relname ~ '^audit_events_y[0-9]{4}m[0-9]{2}$'
    AND substring(c.relname FROM 15 FOR 4)::int < 2000;
  FOREACH old_partition IN ARRAY old_partitions LOOP
    EXECUTE format('ALTER TABLE "audit_events" DETACH PARTITION %I', old_partition);
  END LOOP;
  CREATE TABLE "audit_events_before_2000" PARTITION OF "audit_events"
    FOR VALUES FROM (MINVALUE) TO ('2000-01-01');
  SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum) INTO columns
  FROM pg_attribute WHERE attrelid = '"audit_events"'::regclass AND attnum > 0 AND NOT attisdropped;
  FOREACH old_partition IN ARRAY old_partitions LOOP
    EXECUTE format('INSERT INTO "audit_events" (%s) SELECT %s FROM %I', columns, columns, old_partition);
    EXECUTE format('DROP TABLE %I', old_partition);
  END LOOP;
END
$$;
--> statement-breakpoint
-- As in 0001, plus: a month before 2000 is the partition audit_events_before_2000 (created again if
-- it was dropped), never a monthly partition, whose range would overlap it.
CREATE OR REPLACE FUNCTION "audit_events_create_month_partition"(month_day date) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
  lower_bound date := make_date(extract(year FROM month_day)::int, extract(month FROM month_day)::int, 1);
  upper_bound date := (lower_bound + interval '1 month')::date;
  partition_name text := format('audit_events_y%sm%s', to_char(lower_bound, 'YYYY'), to_char(lower_bound, 'MM'));
  bounds text := format('FROM (%L) TO (%L)', lower_bound, upper_bound);
BEGIN
  IF lower_bound < DATE '2000-01-01' THEN
    partition_name := 'audit_events_before_2000';
    bounds := 'FROM (MINVALUE) TO (''2000-01-01'')';
  END IF;
  -- Checked first so the common case takes no lock on audit_events and logs no NOTICE.
  IF to_regclass(quote_ident(partition_name)) IS NOT NULL THEN
    RETURN partition_name;
  END IF;
  BEGIN
    EXECUTE format(
      'CREATE TABLE IF NOT EXISTS %I PARTITION OF "audit_events" FOR VALUES %s',
      partition_name, bounds
    );
  EXCEPTION WHEN duplicate_table OR unique_violation THEN
    NULL;
  END;
  RETURN partition_name;
END
$$;
