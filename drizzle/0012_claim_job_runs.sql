-- The embedded jobs runner's claim (lib/jobs/claim.ts explains each part). A function so that
-- the advisory lock and the claim that reads under it are one round trip: in a volatile
-- function each statement takes a fresh snapshot, so the claim sees every claim committed
-- before the lock was granted. The lock is held until the calling statement's transaction ends.
CREATE OR REPLACE FUNCTION platform.claim_job_runs(
  function_ids jsonb, concurrency jsonb, throttles jsonb, worker_id text, lease_ms integer, n integer, look_ahead integer, worker_lost jsonb
) RETURNS SETOF platform.job_runs
LANGUAGE sql VOLATILE AS $$
  select pg_advisory_xact_lock(1785686643);

  with cand as (
    select c.* from jsonb_array_elements_text(function_ids) as f(id)
    cross join lateral (
      select r.id, r.function_id, r.queue_at, r.concurrency_keys, r.throttle_key, r.started_at
      from platform.job_runs r
      where r.function_id = f.id and r.status in ('queued', 'running')
        and r.queue_at <= (now() at time zone 'UTC') and r.run_at <= now()
        and (r.locked_until is null or r.locked_until < now())
      order by r.queue_at
      limit n + look_ahead
    ) c
  ), lim as (
    select * from jsonb_to_recordset(concurrency) as l(f text, o int, n int)
  ), thr as (
    select * from jsonb_to_recordset(throttles) as t(f text, e float8, tol float8)
  ), conc as (
    select c.id, k.key, l.n, row_number() over (partition by k.key order by c.queue_at, c.id) as rank
    from cand c
    cross join lateral unnest(c.concurrency_keys) with ordinality as k(key, o)
    join lim l on l.f = c.function_id and l.o = k.o
  ), busy as (
    select k.key, count(*) as n
    from platform.job_runs r cross join lateral unnest(r.concurrency_keys) as k(key)
    where r.status = 'running' and r.locked_until >= now()
      and r.concurrency_keys && (select coalesce(array_agg(distinct conc.key), '{}') from conc)
    group by k.key
  ), over_limit as (
    select conc.id from conc left join busy on busy.key = conc.key where conc.rank + coalesce(busy.n, 0) > conc.n
  ), starts as (
    select c.id, c.throttle_key, t.e, t.tol, greatest(coalesce(jt.tat, now()), now()) as base,
      row_number() over (partition by c.throttle_key order by c.queue_at, c.id) as rank
    from cand c
    join thr t on t.f = c.function_id
    left join platform.job_throttles jt on jt.key = c.throttle_key
    where c.started_at is null and c.throttle_key is not null and c.id not in (select id from over_limit)
  ), throttled as (
    select id from starts where base + rank * e * interval '1 millisecond' > now() + tol * interval '1 millisecond'
  ), chosen as (
    select id from cand
    where id not in (select id from over_limit) and id not in (select id from throttled)
    order by queue_at, id
    limit n
  ), paced as (
    insert into platform.job_throttles as jt (key, tat)
    select s.throttle_key, max(s.base) + count(*) * max(s.e) * interval '1 millisecond'
    from starts s where s.id in (select id from chosen)
    group by s.throttle_key
    on conflict (key) do update set tat = excluded.tat
  )
  update platform.job_runs r set
    status = 'running',
    locked_by = worker_id,
    locked_until = now() + lease_ms * interval '1 millisecond',
    updated_at = now(),
    started_at = coalesce(r.started_at, now()),
    attempt = case when r.status = 'running' then r.attempt + 1 else r.attempt end,
    last_error = case when r.status = 'running' then worker_lost else r.last_error end
  from chosen
  where r.id = chosen.id
    and r.status in ('queued', 'running') and (r.locked_until is null or r.locked_until < now())
  returning r.*;
$$;
