#include "migrations.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace suanli::server {

namespace {

// Written once in portable SQL; ID and the few dialect words are substituted per back end.
// Money and counters are BIGINT micro-units; times are BIGINT milliseconds on the market clock.
QStringList migration1(const Database &db)
{
    const QString id = db.idColumn();
    const QString real = db.dialect() == Dialect::Sqlite ? u"REAL"_s : u"DOUBLE PRECISION"_s;
    return {
        uR"(CREATE TABLE accounts (
            id %1, name TEXT NOT NULL UNIQUE, roles TEXT NOT NULL,
            balance_micro BIGINT NOT NULL DEFAULT 0, created_at BIGINT NOT NULL))"_s.arg(id),
        uR"(CREATE TABLE tokens (
            hash TEXT PRIMARY KEY, account_id BIGINT NOT NULL REFERENCES accounts(id),
            host_id BIGINT, created_at BIGINT NOT NULL))"_s,
        uR"(CREATE TABLE ledger (
            id %1, account_id BIGINT NOT NULL REFERENCES accounts(id), at BIGINT NOT NULL,
            kind TEXT NOT NULL, amount_micro BIGINT NOT NULL, balance_after_micro BIGINT NOT NULL,
            instance_id BIGINT NOT NULL DEFAULT 0, idempotency_key TEXT NOT NULL UNIQUE,
            description TEXT NOT NULL DEFAULT ''))"_s.arg(id),
        u"CREATE INDEX ledger_account ON ledger(account_id, id)"_s,
        uR"(CREATE TABLE vouchers (
            code TEXT PRIMARY KEY, amount_micro BIGINT NOT NULL, created_at BIGINT NOT NULL,
            redeemed_by BIGINT, redeemed_at BIGINT))"_s,
        uR"(CREATE TABLE hosts (
            id %1, owner_id BIGINT NOT NULL REFERENCES accounts(id), name TEXT NOT NULL,
            created_at BIGINT NOT NULL, last_seen BIGINT NOT NULL DEFAULT 0,
            online BOOLEAN NOT NULL DEFAULT FALSE, spec TEXT, address TEXT NOT NULL DEFAULT '',
            port_min INTEGER NOT NULL DEFAULT 0, port_max INTEGER NOT NULL DEFAULT 0,
            images TEXT NOT NULL DEFAULT '[]', agent_version TEXT NOT NULL DEFAULT '',
            listed BOOLEAN NOT NULL DEFAULT FALSE,
            price_gpu_hour_micro BIGINT NOT NULL DEFAULT 0,
            price_storage_gb_month_micro BIGINT NOT NULL DEFAULT 0,
            interruptible BOOLEAN NOT NULL DEFAULT FALSE,
            min_duration_s BIGINT NOT NULL DEFAULT 0,
            reliability %2 NOT NULL DEFAULT 1.0, verified BOOLEAN NOT NULL DEFAULT FALSE,
            lost_count BIGINT NOT NULL DEFAULT 0, seen_count BIGINT NOT NULL DEFAULT 0))"_s
            .arg(id, real),
        // One offer per host, same id; `available` = listed and online, kept by the market.
        uR"(CREATE TABLE offers (
            id BIGINT PRIMARY KEY REFERENCES hosts(id), host_id BIGINT NOT NULL UNIQUE,
            host_name TEXT NOT NULL, gpu_model TEXT NOT NULL DEFAULT '',
            gpu_memory_mb BIGINT NOT NULL DEFAULT 0, gpus_total INTEGER NOT NULL DEFAULT 0,
            gpus_free INTEGER NOT NULL DEFAULT 0, cpu_cores INTEGER NOT NULL DEFAULT 0,
            ram_mb BIGINT NOT NULL DEFAULT 0, disk_free_gb BIGINT NOT NULL DEFAULT 0,
            price_gpu_hour_micro BIGINT NOT NULL DEFAULT 0,
            price_storage_gb_month_micro BIGINT NOT NULL DEFAULT 0,
            inet_down_mbps INTEGER NOT NULL DEFAULT 0, inet_up_mbps INTEGER NOT NULL DEFAULT 0,
            reliability %1 NOT NULL DEFAULT 1.0, region TEXT NOT NULL DEFAULT '',
            verified BOOLEAN NOT NULL DEFAULT FALSE, interruptible BOOLEAN NOT NULL DEFAULT FALSE,
            min_duration_s BIGINT NOT NULL DEFAULT 0, cuda_version TEXT NOT NULL DEFAULT '',
            driver_version TEXT NOT NULL DEFAULT '', perf_tflops %1,
            available BOOLEAN NOT NULL DEFAULT FALSE))"_s.arg(real),
        u"CREATE INDEX offers_price ON offers(available, price_gpu_hour_micro)"_s,
        uR"(CREATE TABLE instances (
            id %1, account_id BIGINT NOT NULL REFERENCES accounts(id), label TEXT NOT NULL,
            state TEXT NOT NULL, state_reason TEXT NOT NULL DEFAULT '',
            host_id BIGINT NOT NULL REFERENCES hosts(id), offer_id BIGINT NOT NULL,
            gpu_model TEXT NOT NULL DEFAULT '', gpu_count INTEGER NOT NULL,
            price_gpu_hour_micro BIGINT NOT NULL, price_storage_gb_month_micro BIGINT NOT NULL,
            image TEXT NOT NULL, disk_gb BIGINT NOT NULL, spec TEXT NOT NULL,
            created_at BIGINT NOT NULL, running_since BIGINT NOT NULL DEFAULT 0,
            stopped_at BIGINT NOT NULL DEFAULT 0, release_at BIGINT NOT NULL DEFAULT 0,
            spend_micro BIGINT NOT NULL DEFAULT 0,
            ssh_host TEXT NOT NULL DEFAULT '', ssh_port INTEGER NOT NULL DEFAULT 0,
            ssh_user TEXT NOT NULL DEFAULT '', ssh_host_key TEXT NOT NULL DEFAULT '',
            jupyter_port INTEGER NOT NULL DEFAULT 0, jupyter_token TEXT NOT NULL DEFAULT '',
            max_spend_micro BIGINT NOT NULL DEFAULT 0, max_duration_s BIGINT NOT NULL DEFAULT 0,
            last_seq BIGINT NOT NULL DEFAULT 0, gpus_held INTEGER NOT NULL DEFAULT 0,
            period_start BIGINT NOT NULL DEFAULT 0, period_charged BIGINT NOT NULL DEFAULT 0,
            storage_start BIGINT NOT NULL DEFAULT 0, storage_charged BIGINT NOT NULL DEFAULT 0,
            accrual_n BIGINT NOT NULL DEFAULT 0, running_total_ms BIGINT NOT NULL DEFAULT 0))"_s
            .arg(id),
        u"CREATE INDEX instances_account ON instances(account_id, id)"_s,
        u"CREATE INDEX instances_host ON instances(host_id, state)"_s,
        u"CREATE INDEX instances_state ON instances(state)"_s,
        uR"(CREATE TABLE commands (
            id TEXT PRIMARY KEY, host_id BIGINT NOT NULL, instance_id BIGINT NOT NULL,
            action TEXT NOT NULL, payload TEXT NOT NULL, created_at BIGINT NOT NULL,
            acked_at BIGINT NOT NULL DEFAULT 0, last_sent_at BIGINT NOT NULL DEFAULT 0,
            attempts INTEGER NOT NULL DEFAULT 0))"_s,
        u"CREATE INDEX commands_pending ON commands(host_id, acked_at)"_s,
        uR"(CREATE TABLE idempotency (
            account_id BIGINT NOT NULL, key TEXT NOT NULL, status INTEGER NOT NULL,
            body TEXT NOT NULL, created_at BIGINT NOT NULL, PRIMARY KEY (account_id, key)))"_s,
        uR"(CREATE TABLE instance_logs (
            id %1, instance_id BIGINT NOT NULL, at BIGINT NOT NULL, line TEXT NOT NULL))"_s.arg(id),
        u"CREATE INDEX instance_logs_instance ON instance_logs(instance_id, id)"_s,
        uR"(CREATE TABLE instance_events (
            id %1, instance_id BIGINT NOT NULL, at BIGINT NOT NULL, state TEXT NOT NULL,
            reason TEXT NOT NULL DEFAULT ''))"_s.arg(id),
        u"CREATE INDEX instance_events_instance ON instance_events(instance_id, id)"_s,
        uR"(CREATE TABLE telemetry (
            instance_id BIGINT NOT NULL, at BIGINT NOT NULL, payload TEXT NOT NULL,
            PRIMARY KEY (instance_id, at)))"_s,
        uR"(CREATE TABLE telemetry_minutes (
            instance_id BIGINT NOT NULL, bucket BIGINT NOT NULL, payload TEXT NOT NULL,
            PRIMARY KEY (instance_id, bucket)))"_s,
        uR"(CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL))"_s,
    };
}

// Version 2: the retry timer asks for hosts with unacknowledged commands in one query; on
// PostgreSQL the offers' text columns compare bytewise, as in SQLite and the in-memory
// evaluator of protocol/query.cpp (lower() then folds ASCII only, ordering is byte order).
QStringList migration2(const Database &db)
{
    QStringList statements{
        u"CREATE INDEX commands_unacked ON commands(last_sent_at, host_id) WHERE acked_at = 0"_s,
    };
    if (db.dialect() == Dialect::Postgres) {
        for (const char *column :
             {"host_name", "gpu_model", "region", "cuda_version", "driver_version"})
            statements << u"ALTER TABLE offers ALTER COLUMN %1 TYPE TEXT COLLATE \"C\""_s.arg(
                QLatin1StringView(column));
    }
    return statements;
}

// Version 3: the cost guard: idle stop per instance, low-balance warnings per account.
QStringList migration3(const Database &db)
{
    const QString real = db.dialect() == Dialect::Postgres ? u"DOUBLE PRECISION"_s : u"REAL"_s;
    return {
        u"ALTER TABLE instances ADD COLUMN idle_stop_s BIGINT NOT NULL DEFAULT 0"_s,
        u"ALTER TABLE instances ADD COLUMN idle_below_pct %1 NOT NULL DEFAULT 5.0"_s.arg(real),
        u"ALTER TABLE instances ADD COLUMN idle_since BIGINT NOT NULL DEFAULT 0"_s,
        u"ALTER TABLE accounts ADD COLUMN low_balance_micro BIGINT NOT NULL DEFAULT 0"_s,
        u"ALTER TABLE accounts ADD COLUMN low_balance_warned INTEGER NOT NULL DEFAULT 0"_s,
    };
}

// Version 4: contributor mode: an agent withdraws its offer while the owner uses the machine.
QStringList migration4(const Database &)
{
    return {
        u"ALTER TABLE hosts ADD COLUMN paused BOOLEAN NOT NULL DEFAULT FALSE"_s,
        u"ALTER TABLE hosts ADD COLUMN paused_reason TEXT NOT NULL DEFAULT ''"_s,
    };
}

// Version 5: the NAT relay (docs/market.md, "Relay"). The relays the market names, each host's
// requested network, the market's verdict, its relay key and relay; one row per live relay port
// (deleted when withdrawn), so the UNIQUE port holds among live assignments across processes.
QStringList migration5(const Database &db)
{
    const QString id = db.idColumn();
    return {
        uR"(CREATE TABLE relays (
            id %1, public_host TEXT NOT NULL, public_port INTEGER NOT NULL,
            host_key TEXT NOT NULL, UNIQUE (public_host, public_port)))"_s.arg(id),
        u"ALTER TABLE hosts ADD COLUMN network_requested TEXT NOT NULL DEFAULT ''"_s,
        u"ALTER TABLE hosts ADD COLUMN network TEXT NOT NULL DEFAULT 'direct'"_s,
        u"ALTER TABLE hosts ADD COLUMN relay_public_key TEXT NOT NULL DEFAULT ''"_s,
        u"ALTER TABLE hosts ADD COLUMN relay_id BIGINT NOT NULL DEFAULT 0"_s,
        u"CREATE UNIQUE INDEX hosts_relay_key ON hosts(relay_public_key) "
        "WHERE relay_public_key <> ''"_s,
        uR"(CREATE TABLE relay_ports (
            instance_id BIGINT PRIMARY KEY, host_id BIGINT NOT NULL, relay_id BIGINT NOT NULL,
            port INTEGER NOT NULL UNIQUE, renter_key TEXT NOT NULL DEFAULT '',
            created_at BIGINT NOT NULL))"_s,
        u"CREATE INDEX relay_ports_host ON relay_ports(host_id)"_s,
        u"CREATE INDEX relay_ports_renter ON relay_ports(renter_key)"_s,
    };
}

// Version 6: top-up keys are per account (docs/market.md, "The ledger and its idempotency
// keys"): `topup:KEY` becomes `topup:<account id>:KEY`, so a retried old top-up still matches.
QStringList migration6(const Database &)
{
    return {
        u"UPDATE ledger SET idempotency_key = 'topup:' || CAST(account_id AS TEXT) || ':' || "
        "substr(idempotency_key, 7) WHERE kind = 'topup' AND idempotency_key LIKE 'topup:%'"_s,
    };
}

// Version 7: cross-process events too long for a NOTIFY (docs/market.md, "PostgreSQL and
// several processes"): the payload is a row, the notification its id; rows live a minute.
QStringList migration7(const Database &db)
{
    return {
        uR"(CREATE TABLE relay_events (
            id %1, payload TEXT NOT NULL, created_at BIGINT NOT NULL))"_s.arg(db.idColumn()),
        u"CREATE INDEX relay_events_created ON relay_events(created_at)"_s,
    };
}

// Version 8: every market process asks each second for the top-ups after the last one it saw
// (Market::checkTopUps); by kind and id that reads only the new ones, not every charge since.
QStringList migration8(const Database &)
{
    return {u"CREATE INDEX ledger_kind ON ledger(kind, id)"_s};
}

// Version 9: the last live heartbeat of each host (docs/market.md, "Billing as implemented"),
// below which a report's `at` cannot end a running period. Started at the last message seen.
QStringList migration9(const Database &)
{
    return {
        u"ALTER TABLE hosts ADD COLUMN confirmed_at BIGINT NOT NULL DEFAULT 0"_s,
        u"UPDATE hosts SET confirmed_at = last_seen"_s,
    };
}

// Version 10: accounts people make themselves (docs/market.md, "Accounts and keys"): a password
// hash per account; tokens become named keys with an id, the first characters shown in lists,
// last use, expiry and revocation (rebuilt: SQLite cannot add an id column); the operator's
// invite codes; failed sign-ins, counted per account name and per client address.
QStringList migration10(const Database &db)
{
    const QString id = db.idColumn();
    return {
        u"ALTER TABLE accounts ADD COLUMN password_hash TEXT NOT NULL DEFAULT ''"_s,
        uR"(CREATE TABLE tokens_v10 (
            id %1, hash TEXT NOT NULL UNIQUE, account_id BIGINT NOT NULL REFERENCES accounts(id),
            host_id BIGINT, label TEXT NOT NULL DEFAULT '', prefix TEXT NOT NULL DEFAULT '',
            created_at BIGINT NOT NULL, last_used_at BIGINT NOT NULL DEFAULT 0,
            expires_at BIGINT NOT NULL DEFAULT 0, revoked_at BIGINT NOT NULL DEFAULT 0))"_s.arg(id),
        u"INSERT INTO tokens_v10 (hash, account_id, host_id, label, created_at) "
        "SELECT hash, account_id, host_id, CASE WHEN host_id IS NULL THEN 'API key' "
        "ELSE 'host agent' END, created_at FROM tokens ORDER BY created_at"_s,
        u"DROP TABLE tokens"_s,
        u"ALTER TABLE tokens_v10 RENAME TO tokens"_s,
        u"CREATE INDEX tokens_account ON tokens(account_id, id)"_s,
        uR"(CREATE TABLE invites (
            code TEXT PRIMARY KEY, created_at BIGINT NOT NULL, used_by BIGINT,
            used_at BIGINT))"_s,
        uR"(CREATE TABLE signin_failures (
            id %1, scope TEXT NOT NULL, at BIGINT NOT NULL))"_s.arg(id),
        u"CREATE INDEX signin_failures_scope ON signin_failures(scope, at)"_s,
    };
}

// Version 11: money in and out: top-up orders and payouts (docs/market.md, "Top-ups", "Payouts").
// A paid order's credit and every payout step are ledger entries; these tables hold the orders'
// and requests' own state. webhook_signatures remembers the signatures of accepted payment
// webhooks for as long as their timestamp would pass, so a replay is refused.
QStringList migration11(const Database &db)
{
    const QString id = db.idColumn();
    return {
        uR"(CREATE TABLE topups (
            id %1, account_id BIGINT NOT NULL REFERENCES accounts(id),
            reference TEXT NOT NULL UNIQUE, amount_micro BIGINT NOT NULL, state TEXT NOT NULL,
            created_at BIGINT NOT NULL, expires_at BIGINT NOT NULL,
            paid_at BIGINT NOT NULL DEFAULT 0, confirmed_by TEXT NOT NULL DEFAULT '',
            provider_id TEXT NOT NULL DEFAULT ''))"_s.arg(id),
        u"CREATE INDEX topups_account ON topups(account_id, id)"_s,
        u"CREATE INDEX topups_state ON topups(state, id)"_s,
        uR"(CREATE TABLE payouts (
            id %1, account_id BIGINT NOT NULL REFERENCES accounts(id),
            amount_micro BIGINT NOT NULL, destination TEXT NOT NULL, state TEXT NOT NULL,
            requested_at BIGINT NOT NULL, decided_at BIGINT NOT NULL DEFAULT 0,
            paid_at BIGINT NOT NULL DEFAULT 0, reason TEXT NOT NULL DEFAULT '',
            reference TEXT NOT NULL DEFAULT ''))"_s.arg(id),
        u"CREATE INDEX payouts_account ON payouts(account_id, id)"_s,
        u"CREATE INDEX payouts_state ON payouts(state, id)"_s,
        u"CREATE TABLE webhook_signatures (signature TEXT PRIMARY KEY, at BIGINT NOT NULL)"_s,
    };
}

// Version 12: prepaid plans and the minimum rental (docs/market.md, "Prepaid plans",
// "Minimum rental"). Plan prices per GPU and period on the listing and its offer (NULL: not
// offered). On an instance: the plan bought and its price at launch; `plan_ends_at` the end of
// the prepaid time (0 until the first `running`); `plan_paused_at` the host's last message while
// its host is lost (the plan is extended by the time it was gone); `plan_n` the periods bought,
// the k-th under ledger key `lease:<id>:plan:<k>`; the current period's charge and fee, which a
// refund reverses in proportion; the period whose notice was sent; the offer's min_duration_s.
QStringList migration12(const Database &)
{
    QStringList statements;
    for (const char *table : {"hosts", "offers"}) {
        for (const char *plan : {"day", "week", "month"})
            statements << u"ALTER TABLE %1 ADD COLUMN price_gpu_%2_micro BIGINT"_s.arg(
                QLatin1StringView(table), QLatin1StringView(plan));
    }
    statements << u"ALTER TABLE instances ADD COLUMN plan TEXT NOT NULL DEFAULT 'hourly'"_s
               << u"ALTER TABLE instances ADD COLUMN renew BOOLEAN NOT NULL DEFAULT FALSE"_s;
    for (const char *column : {"plan_price_micro", "plan_ends_at", "plan_paused_at", "plan_n",
                               "plan_charged", "plan_fee", "plan_notified_n", "min_duration_s"})
        statements << u"ALTER TABLE instances ADD COLUMN %1 BIGINT NOT NULL DEFAULT 0"_s.arg(
            QLatin1StringView(column));
    return statements;
}

// Version 13: starting without a GPU (docs/market.md, "Starting without a GPU"). The listing's
// and offer's price per hour of a no-GPU start (NULL: not offered); on an instance whether it
// runs without its GPUs now (its gpu_count stays the GPUs it rents) and the price it got.
QStringList migration13(const Database &)
{
    return {u"ALTER TABLE hosts ADD COLUMN price_nogpu_hour_micro BIGINT"_s,
            u"ALTER TABLE offers ADD COLUMN price_nogpu_hour_micro BIGINT"_s,
            u"ALTER TABLE instances ADD COLUMN no_gpu BOOLEAN NOT NULL DEFAULT FALSE"_s,
            u"ALTER TABLE instances ADD COLUMN price_nogpu_hour_micro BIGINT NOT NULL DEFAULT 0"_s};
}

// Version 14: what each rented GPU brings (DESIGN §9.4): the offer's share of the machine's
// cores and memory per GPU, from the agent's hello (NULL: a machine without GPUs, or unknown).
QStringList migration14(const Database &)
{
    return {u"ALTER TABLE offers ADD COLUMN cpu_cores_per_gpu BIGINT"_s,
            u"ALTER TABLE offers ADD COLUMN ram_mb_per_gpu BIGINT"_s};
}

// Version 15: images renters save from their instances (docs/market.md, "Saved images"). host_id
// is the host whose Podman storage holds the image (NULL once it is in the market's registry);
// source_host_id the host that made it, whose owner earns its storage at the price it had then.
// Storage is billed like a stopped instance's: from storage_start (the agent's `ready`) to
// storage_end (the delete, 0 while it lives), storage_charged of it posted so far, the n-th
// accrual under ledger key `image:<id>:storage:<n>`.
QStringList migration15(const Database &db)
{
    const QString id = db.idColumn();
    return {
        uR"(CREATE TABLE images (
            id %1, account_id BIGINT NOT NULL REFERENCES accounts(id),
            instance_id BIGINT NOT NULL, source_host_id BIGINT NOT NULL, host_id BIGINT,
            name TEXT NOT NULL, ref TEXT NOT NULL DEFAULT '', state TEXT NOT NULL,
            reason TEXT NOT NULL DEFAULT '', size_bytes BIGINT NOT NULL DEFAULT 0,
            has_jupyter BOOLEAN NOT NULL DEFAULT FALSE,
            price_storage_gb_month_micro BIGINT NOT NULL DEFAULT 0, created_at BIGINT NOT NULL,
            storage_start BIGINT NOT NULL DEFAULT 0, storage_end BIGINT NOT NULL DEFAULT 0,
            storage_charged BIGINT NOT NULL DEFAULT 0, accrual_n BIGINT NOT NULL DEFAULT 0,
            deleted_at BIGINT NOT NULL DEFAULT 0))"_s.arg(id),
        u"CREATE INDEX images_account ON images(account_id, id)"_s,
        u"CREATE INDEX images_ref ON images(ref)"_s,
    };
}

// Version 16: measured speeds and the market's own verdict (docs/market.md, "Measured speeds",
// "Verified hosts"). On the host and its offer: what the agent measured (NULL until it did,
// never 0) and when, in ms; on the host the operator's verdict, which outranks the rule (NULL:
// the rule decides).
QStringList migration16(const Database &)
{
    QStringList statements;
    for (const char *table : {"hosts", "offers"}) {
        for (const char *column :
             {"net_down_mbps", "net_up_mbps", "disk_write_mbps", "measured_at"})
            statements << u"ALTER TABLE %1 ADD COLUMN %2 BIGINT"_s.arg(QLatin1StringView(table),
                                                                       QLatin1StringView(column));
    }
    statements << u"ALTER TABLE hosts ADD COLUMN verified_by_operator BOOLEAN"_s;
    return statements;
}

// Version 17: clone and move (DESIGN §9.4, docs/market.md "Clone and move"): one row per clone,
// keyed by the new instance. `state` waiting → copying → verifying → done | failed | cancelled;
// `public_key` the target agent's one-time key (empty until it reports it); `source_started`:
// the source was stopped and the market started it for the copy (stopped again after it).
QStringList migration17(const Database &)
{
    return {
        uR"(CREATE TABLE copies (
            target_id BIGINT PRIMARY KEY, source_id BIGINT NOT NULL, account_id BIGINT NOT NULL,
            move BOOLEAN NOT NULL, state TEXT NOT NULL, public_key TEXT NOT NULL DEFAULT '',
            bytes_done BIGINT NOT NULL DEFAULT 0, bytes_total BIGINT NOT NULL DEFAULT 0,
            files_done BIGINT NOT NULL DEFAULT 0, files_total BIGINT NOT NULL DEFAULT 0,
            error TEXT NOT NULL DEFAULT '', source_started BOOLEAN NOT NULL DEFAULT FALSE,
            copy_sent BOOLEAN NOT NULL DEFAULT FALSE, created_at BIGINT NOT NULL,
            ended_at BIGINT NOT NULL DEFAULT 0))"_s,
        u"CREATE INDEX copies_source ON copies(source_id)"_s,
    };
}

using Migration = QStringList (*)(const Database &);
const Migration kMigrations[] = {
    &migration1,  &migration2,  &migration3,  &migration4,  &migration5,  &migration6,
    &migration7,  &migration8,  &migration9,  &migration10, &migration11, &migration12,
    &migration13, &migration14, &migration15, &migration16, &migration17};

} // namespace

int latestSchemaVersion()
{
    return int(std::size(kMigrations));
}

Result<int> migrate(Database &db)
{
    if (db.dialect() == Dialect::Postgres) {
        // Several market processes may start together: one migrates, the others wait.
        auto lock = db.exec(u"SELECT pg_advisory_lock(7265110)"_s);
        if (!lock)
            return lock.error();
    }
    auto unlock = [&db] {
        if (db.dialect() == Dialect::Postgres)
            (void)db.exec(u"SELECT pg_advisory_unlock(7265110)"_s);
    };
    auto created = db.execDirect(u"CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"_s);
    if (!created) {
        unlock();
        return created.error();
    }
    auto current = db.scalar(u"SELECT MAX(version) FROM schema_version"_s);
    if (!current) {
        unlock();
        return current.error();
    }
    int version = current->isNull() ? 0 : current->toInt();
    if (version > latestSchemaVersion()) {
        unlock();
        return makeError(u"schema_too_new"_s,
                         u"the database has schema version %1, this market knows up to %2; "
                         "upgrade suanli-market"_s.arg(version).arg(latestSchemaVersion()));
    }
    for (; version < latestSchemaVersion(); ++version) {
        Transaction tx(db);
        if (!tx.started()) {
            unlock();
            return tx.started().error();
        }
        for (const QString &statement : kMigrations[version](db)) {
            auto r = db.execDirect(statement);
            if (!r) {
                unlock();
                return r.error();
            }
        }
        auto bump = db.exec(u"INSERT INTO schema_version (version) VALUES (?)"_s, {version + 1});
        if (!bump) {
            unlock();
            return bump.error();
        }
        if (auto c = tx.commit(); !c) {
            unlock();
            return c.error();
        }
    }
    unlock();
    return version;
}

} // namespace suanli::server
