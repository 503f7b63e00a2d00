#include "sqlstore.h"

#include "gpucatalog.h"
#include "migrations.h"
#include "protocol/json.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlRecord>

using namespace Qt::StringLiterals;

namespace suanli::server {

// Accounts, tokens and money. Hosts and offers: sqlstore_hosts.cpp. Instances and billing:
// sqlstore_instances.cpp. Telemetry and metrics: sqlstore_telemetry.cpp.

SqlStore::SqlStore(std::unique_ptr<Database> db, MarketPolicy policy)
    : m_db(std::move(db))
    , m_policy(std::move(policy))
{
}

SqlStore::~SqlStore() = default;

Result<std::unique_ptr<SqlStore>> SqlStore::open(const QString &url, const MarketPolicy &policy,
                                                 const QString &connectionName)
{
    auto db = Database::open(url, connectionName);
    if (!db)
        return db.error();
    auto migrated = migrate(**db);
    if (!migrated)
        return migrated.error();
    return std::make_unique<SqlStore>(std::move(db).value(), policy);
}

Result<qint64> SqlStore::createAccount(const QString &name, const QStringList &roles)
{
    if (name.trimmed().isEmpty())
        return makeError(u"invalid_name"_s, u"an account needs a name"_s);
    auto id = m_db->insertReturningId(
        u"INSERT INTO accounts (name, roles, balance_micro, created_at) VALUES (?, ?, 0, ?)"_s,
        {name, roles.join(u','), QDateTime::currentMSecsSinceEpoch()});
    if (!id && id.error().code == "conflict"_L1)
        return makeError(u"account_exists"_s, u"an account named '%1' exists"_s.arg(name));
    return id;
}

Result<Account> SqlStore::account(qint64 id)
{
    auto q = m_db->exec(u"SELECT id, name, roles, balance_micro, low_balance_micro "
                        "FROM accounts WHERE id = ?"_s,
                        {id});
    if (!q)
        return q.error();
    if (!q->next())
        return makeError(u"not_found"_s, u"no account %1"_s.arg(id));
    Account a;
    a.id = q->value(0).toLongLong();
    a.name = q->value(1).toString();
    a.roles = q->value(2).toString().split(u',', Qt::SkipEmptyParts);
    a.balance_micro = q->value(3).toLongLong();
    a.low_balance_micro = q->value(4).toLongLong();
    a.currency = m_policy.currency;
    q->finish();
    return a;
}

Result<qint64> SqlStore::findAccount(const QString &idOrName)
{
    bool numeric = false;
    const qint64 id = idOrName.toLongLong(&numeric);
    auto v = numeric ? m_db->scalar(u"SELECT id FROM accounts WHERE id = ?"_s, {id})
                     : m_db->scalar(u"SELECT id FROM accounts WHERE name = ?"_s, {idOrName});
    if (!v)
        return v.error();
    if (v->isNull())
        return makeError(u"not_found"_s, u"no account '%1'"_s.arg(idOrName));
    return v->toLongLong();
}

Result<void> SqlStore::addToken(const QByteArray &sha256, qint64 accountId, qint64 hostId)
{
    auto r = m_db->exec(
        u"INSERT INTO tokens (hash, account_id, host_id, label, created_at) VALUES (?, ?, ?, ?, ?)"_s,
        {QString::fromLatin1(sha256.toHex()), accountId, hostId ? QVariant(hostId) : QVariant(),
         hostId ? u"host agent"_s : u"API key"_s, QDateTime::currentMSecsSinceEpoch()});
    if (!r)
        return r.error();
    return {};
}

Result<Micro> SqlStore::appendLedger(qint64 accountId, const QString &kind, Micro amount,
                                     const QString &key, qint64 instanceId,
                                     const QString &description, qint64 nowMs)
{
    // Balance first (atomic row update), then the entry; the entry's unique key makes a
    // replay fail the whole transaction.
    auto balance = m_db->scalar(u"UPDATE accounts SET balance_micro = balance_micro + ? "
                                "WHERE id = ? RETURNING balance_micro"_s,
                                {amount, accountId});
    if (!balance)
        return balance.error();
    if (balance->isNull())
        return makeError(u"not_found"_s, u"no account %1"_s.arg(accountId));
    const Micro after = balance->toLongLong();
    auto entry = m_db->exec(
        u"INSERT INTO ledger (account_id, at, kind, amount_micro, balance_after_micro, "
        "instance_id, idempotency_key, description) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s,
        {accountId, nowMs, kind, amount, after, instanceId, key, description});
    if (!entry)
        return entry.error();
    return after;
}

Result<qint64> SqlStore::lockedPlatformAccount()
{
    auto platform = platformAccount();
    if (!platform)
        return platform.error();
    // Every accrual ends on the platform account, so a billing batch holds it while it moves on
    // to other renters; taking it first means nobody holds a renter's row while waiting for it
    // (which would be a deadlock with the batch).
    if (const QString lock = m_db->forUpdate(); !lock.isEmpty()) {
        auto locked = m_db->scalar(u"SELECT id FROM accounts WHERE id = ?"_s + lock, {*platform});
        if (!locked)
            return locked.error();
    }
    return platform;
}

Result<qint64> SqlStore::platformAccount()
{
    // Found by its role, which no admin command can give, never by a name anyone could take.
    if (m_platformAccount)
        return m_platformAccount;
    auto lookup = [this]() -> Result<QVariant> {
        return m_db->scalar(u"SELECT MIN(id) FROM accounts WHERE roles = 'platform'"_s);
    };
    auto found = lookup();
    if (!found)
        return found.error();
    if (found->isNull()) {
        // In a savepoint: losing the race to another connection must not abort the caller's
        // transaction (PostgreSQL aborts a whole transaction on a failed statement).
        {
            Transaction create(*m_db);
            if (create.started() && createAccount(u"suanli-platform-fees"_s, {u"platform"_s}))
                (void)create.commit();
        }
        found = lookup(); // another process may have made it first: the oldest wins
        if (!found || found->isNull())
            return makeError(u"database_error"_s, u"cannot create the platform account"_s);
    }
    m_platformAccount = found->toLongLong();
    return m_platformAccount;
}

Result<Micro> SqlStore::credit(qint64 accountId, Micro amount, const QString &kind,
                               const QString &key, const QString &description)
{
    if (key.isEmpty())
        return makeError(u"missing_key"_s, u"a credit needs an idempotency key"_s);
    Transaction tx(*m_db);
    if (!tx.started())
        return tx.started().error();
    auto seen = m_db->scalar(u"SELECT account_id FROM ledger WHERE idempotency_key = ?"_s, {key});
    if (!seen)
        return seen.error();
    if (!seen->isNull()) {
        if (seen->toLongLong() != accountId)
            return makeError(u"key_reused"_s,
                             u"the key '%1' was already used for another account"_s.arg(key));
        auto a = account(accountId);
        if (!a)
            return a.error();
        return a->balance_micro;
    }
    auto after = appendLedger(accountId, kind, amount, key, 0, description,
                              QDateTime::currentMSecsSinceEpoch());
    if (!after)
        return after.error();
    if (auto c = tx.commit(); !c)
        return c.error();
    return after;
}

Result<Micro> SqlStore::topUp(qint64 accountId, Micro amount, const QString &key)
{
    if (key.isEmpty())
        return makeError(u"missing_key"_s, u"a top-up needs an idempotency key"_s);
    return credit(accountId, amount, u"topup"_s, u"topup:%1:%2"_s.arg(accountId).arg(key),
                  u"top-up"_s);
}

Result<QPair<qint64, QList<qint64>>> SqlStore::topUpsAfter(qint64 afterId)
{
    auto q = m_db->exec(u"SELECT id, account_id FROM ledger WHERE id > ? AND kind = 'topup' "
                        "ORDER BY id"_s,
                        {afterId});
    if (!q)
        return q.error();
    QPair<qint64, QList<qint64>> found{afterId, {}};
    while (q->next()) {
        found.first = q->value(0).toLongLong();
        const qint64 accountId = q->value(1).toLongLong();
        if (!found.second.contains(accountId))
            found.second.append(accountId);
    }
    return found;
}

Result<qint64> SqlStore::lastTopUpEntry()
{
    auto id = m_db->scalar(u"SELECT COALESCE(MAX(id), 0) FROM ledger WHERE kind = 'topup'"_s);
    if (!id)
        return id.error();
    return id->toLongLong();
}

Result<void> SqlStore::createVoucher(const QString &code, Micro amount)
{
    auto r = m_db->exec(
        u"INSERT INTO vouchers (code, amount_micro, created_at) VALUES (?, ?, ?)"_s,
        {code, amount, QDateTime::currentMSecsSinceEpoch()});
    if (!r)
        return r.error();
    return {};
}

Result<Micro> SqlStore::redeemVoucher(qint64 accountId, const QString &code)
{
    Transaction tx(*m_db);
    if (!tx.started())
        return tx.started().error();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    auto amount = m_db->scalar(u"UPDATE vouchers SET redeemed_by = ?, redeemed_at = ? "
                               "WHERE code = ? AND redeemed_by IS NULL RETURNING amount_micro"_s,
                               {accountId, now, code});
    if (!amount)
        return amount.error();
    if (amount->isNull()) {
        auto exists = m_db->scalar(u"SELECT code FROM vouchers WHERE code = ?"_s, {code});
        if (exists && !exists->isNull())
            return makeError(u"voucher_redeemed"_s, u"this voucher has already been used"_s);
        return makeError(u"voucher_not_found"_s, u"no such voucher"_s);
    }
    auto after = appendLedger(accountId, u"voucher"_s, amount->toLongLong(),
                              u"voucher:"_s + code, 0, u"voucher"_s, now);
    if (!after)
        return after.error();
    if (auto c = tx.commit(); !c)
        return c.error();
    return after;
}

Result<QList<LedgerEntry>> SqlStore::ledger(qint64 accountId, qint64 afterId, qint64 sinceMs,
                                            int limit)
{
    auto q = m_db->exec(u"SELECT id, account_id, at, kind, amount_micro, balance_after_micro, "
                        "instance_id, idempotency_key, description FROM ledger "
                        "WHERE account_id = ? AND id > ? AND at >= ? ORDER BY id LIMIT ?"_s,
                        {accountId, afterId, sinceMs, limit});
    if (!q)
        return q.error();
    QList<LedgerEntry> entries;
    while (q->next()) {
        LedgerEntry e;
        e.id = q->value(0).toLongLong();
        e.account_id = q->value(1).toLongLong();
        e.at = QDateTime::fromMSecsSinceEpoch(q->value(2).toLongLong(), Qt::UTC);
        e.kind = q->value(3).toString();
        e.amount_micro = q->value(4).toLongLong();
        e.balance_after_micro = q->value(5).toLongLong();
        e.instance_id = q->value(6).toLongLong();
        e.idempotency_key = q->value(7).toString();
        e.description = q->value(8).toString();
        entries.append(e);
    }
    return entries;
}

Result<QList<Store::EarningsDay>> SqlStore::earningsByDay(qint64 accountId)
{
    // Days are UTC days on the market clock; grouped in C++ to stay dialect-free.
    auto q = m_db->exec(u"SELECT at, amount_micro FROM ledger WHERE account_id = ? "
                        "AND kind = 'earning' ORDER BY id"_s,
                        {accountId});
    if (!q)
        return q.error();
    QList<EarningsDay> days;
    while (q->next()) {
        const QString day = QDateTime::fromMSecsSinceEpoch(q->value(0).toLongLong(), Qt::UTC)
                                .date()
                                .toString(Qt::ISODate);
        if (days.isEmpty() || days.last().day != day)
            days.append({day, 0});
        days.last().earned += q->value(1).toLongLong();
    }
    return days;
}

Result<QList<Store::EarningsHost>> SqlStore::earningsByHost(qint64 accountId)
{
    auto q = m_db->exec(
        u"SELECT h.id, h.name, COALESCE(SUM(l.amount_micro), 0) FROM hosts h "
        "LEFT JOIN instances i ON i.host_id = h.id "
        "LEFT JOIN ledger l ON l.instance_id = i.id AND l.account_id = ? AND l.kind = 'earning' "
        "WHERE h.owner_id = ? GROUP BY h.id, h.name ORDER BY h.id"_s,
        {accountId, accountId});
    if (!q)
        return q.error();
    QList<EarningsHost> hosts;
    while (q->next())
        hosts.append({q->value(0).toLongLong(), q->value(1).toString(), q->value(2).toLongLong()});
    return hosts;
}

Result<std::optional<Store::StoredResponse>> SqlStore::storedResponse(qint64 accountId,
                                                                      const QString &key)
{
    auto q = m_db->exec(u"SELECT status, body FROM idempotency WHERE account_id = ? AND key = ?"_s,
                        {accountId, key});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<StoredResponse>{};
    StoredResponse r{q->value(0).toInt(), q->value(1).toString().toUtf8()};
    q->finish();
    return std::optional<StoredResponse>(r);
}

} // namespace suanli::server
