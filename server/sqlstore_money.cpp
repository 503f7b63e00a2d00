#include "sqlstore.h"

#include <QRandomGenerator>

#include <limits>

using namespace Qt::StringLiterals;

// Money in and out (issue 18): top-up orders, the payment webhook and payouts. The states,
// ledger kinds and keys are in docs/market.md, "Top-ups and payouts"; tests/support/ledgercheck
// knows the same kinds.

namespace suanli::server {

using protocol::Payout;
using protocol::TopUpOrder;

namespace {

constexpr int kMaxPendingTopUps = 20;
constexpr qint64 kDayMs = 86'400'000;

QDateTime utc(qint64 ms)
{
    return ms ? QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC) : QDateTime();
}

/// "SL-" and three groups of four from an alphabet without 0/O/1/I: 60 random bits, easy to
/// read out over the phone and to type into a bank transfer's remark.
QString newReference()
{
    static const char alphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    QString reference = u"SL"_s;
    for (int i = 0; i < 12; ++i) {
        if (i % 4 == 0)
            reference += u'-';
        reference += QChar::fromLatin1(alphabet[QRandomGenerator::system()->bounded(32)]);
    }
    return reference;
}

const QString kTopUpColumns = u"id, account_id, reference, amount_micro, state, created_at, "
                              "expires_at, paid_at, confirmed_by"_s;
const QString kPayoutColumns = u"id, account_id, amount_micro, destination, state, requested_at, "
                               "decided_at, paid_at, reason, reference"_s;

TopUpOrder topUpFromRow(const Rows &q, qint64 nowMs)
{
    TopUpOrder o;
    o.id = q.value(0).toLongLong();
    o.account_id = q.value(1).toLongLong();
    o.reference = q.value(2).toString();
    o.amount_micro = q.value(3).toLongLong();
    o.state = q.value(4).toString();
    o.created_at = utc(q.value(5).toLongLong());
    o.expires_at = utc(q.value(6).toLongLong());
    o.paid_at = utc(q.value(7).toLongLong());
    o.confirmed_by = q.value(8).toString();
    if (o.state == "pending"_L1 && q.value(6).toLongLong() <= nowMs)
        o.state = u"expired"_s; // what the next listing will write
    return o;
}

Payout payoutFromRow(const Rows &q)
{
    Payout p;
    p.id = q.value(0).toLongLong();
    p.account_id = q.value(1).toLongLong();
    p.amount_micro = q.value(2).toLongLong();
    p.destination = q.value(3).toString();
    p.state = q.value(4).toString();
    p.requested_at = utc(q.value(5).toLongLong());
    p.decided_at = utc(q.value(6).toLongLong());
    p.paid_at = utc(q.value(7).toLongLong());
    p.reason = q.value(8).toString();
    p.reference = q.value(9).toString();
    return p;
}

QString payoutNotFound(qint64 id)
{
    return u"no payout %1"_s.arg(id);
}


/// The newest rows of a money table, of one account (accountId > 0) and one state (non-empty),
/// at most `limit`: the lists of the API and the admin commands.
Result<Rows> listNewestFirst(Database &db, const QString &columns, const QString &table,
                             qint64 accountId, const QString &state, int limit)
{
    QString sql = u"SELECT "_s + columns + u" FROM "_s + table + u" WHERE 1 = 1"_s;
    QVariantList bindings;
    if (accountId > 0) {
        sql += u" AND account_id = ?"_s;
        bindings << accountId;
    }
    if (!state.isEmpty()) {
        sql += u" AND state = ?"_s;
        bindings << state;
    }
    return db.exec(sql + u" ORDER BY id DESC LIMIT %1"_s.arg(limit), bindings);
}
} // namespace

// ---- top-up orders ------------------------------------------------------------------------

Result<TopUpOrder>
SqlStore::createTopUpOrder(qint64 accountId, Micro amount, const QString &idempotencyKey,
                           const std::function<QByteArray(const TopUpOrder &)> &responseBody,
                           qint64 nowMs)
{
    Transaction tx(*m_db);
    if (!tx.started())
        return tx.started().error();
    auto pending = m_db->scalar(u"SELECT COUNT(*) FROM topups WHERE account_id = ? "
                                "AND state = 'pending' AND expires_at > ?"_s,
                                {accountId, nowMs});
    if (!pending)
        return pending.error();
    if (pending->toLongLong() >= kMaxPendingTopUps)
        return makeError(u"too_many_pending_topups"_s,
                         u"%1 top-up orders are waiting for payment; pay or let one expire "
                         "first"_s.arg(kMaxPendingTopUps));
    TopUpOrder order;
    order.account_id = accountId;
    order.reference = newReference();
    order.amount_micro = amount;
    order.state = u"pending"_s;
    order.created_at = utc(nowMs);
    order.expires_at = utc(nowMs + m_policy.topUpExpiryS * 1000);
    auto id = m_db->insertReturningId(
        u"INSERT INTO topups (account_id, reference, amount_micro, state, created_at, "
        "expires_at) VALUES (?, ?, ?, 'pending', ?, ?)"_s,
        {accountId, order.reference, amount, nowMs, nowMs + m_policy.topUpExpiryS * 1000});
    if (!id)
        return id.error();
    order.id = *id;
    if (!idempotencyKey.isEmpty()) {
        auto stored = m_db->exec(
            u"INSERT INTO idempotency (account_id, key, status, body, "
            "created_at) VALUES (?, ?, ?, ?, ?)"_s,
            {accountId, idempotencyKey, 201, QString::fromUtf8(responseBody(order)), nowMs});
        if (!stored)
            return stored.error(); // "conflict": a concurrent request with the same key won
    }
    if (auto c = tx.commit(); !c)
        return c.error();
    return order;
}

Result<QList<TopUpOrder>> SqlStore::topUpOrders(qint64 accountId, const QString &state,
                                                qint64 nowMs)
{
    auto expired = m_db->exec(u"UPDATE topups SET state = 'expired' WHERE state = 'pending' "
                              "AND expires_at <= ?"_s,
                              {nowMs});
    if (!expired)
        return expired.error();
    auto q = listNewestFirst(*m_db, kTopUpColumns, u"topups"_s, accountId, state, 1000);
    if (!q)
        return q.error();
    QList<TopUpOrder> orders;
    while (q->next())
        orders.append(topUpFromRow(*q, nowMs));
    return orders;
}

Result<qint64> SqlStore::topUpOrderOwner(qint64 orderId)
{
    auto v = m_db->scalar(u"SELECT account_id FROM topups WHERE id = ?"_s, {orderId});
    if (!v)
        return v.error();
    if (v->isNull())
        return makeError(u"topup_not_found"_s, u"no top-up order %1"_s.arg(orderId));
    return v->toLongLong();
}

Result<std::optional<TopUpOrder>> SqlStore::loadTopUpOrder(const QString &where,
                                                           const QVariant &value, qint64 *accountId)
{
    auto q = m_db->exec(u"SELECT "_s + kTopUpColumns + u" FROM topups WHERE "_s + where +
                            u" = ?"_s + m_db->forUpdate(),
                        {value});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<TopUpOrder>{};
    // The stored state: expiry is judged by the caller, on its own clock.
    TopUpOrder order = topUpFromRow(*q, std::numeric_limits<qint64>::min());
    *accountId = q->value(1).toLongLong();
    q->finish();
    return std::optional<TopUpOrder>(order);
}

Result<Store::TopUpConfirmation> SqlStore::creditTopUpOrder(const TopUpOrder &order,
                                                            qint64 accountId, const QString &by,
                                                            const QString &providerId, qint64 nowMs)
{
    auto marked = m_db->exec(u"UPDATE topups SET state = 'paid', paid_at = ?, confirmed_by = ?, "
                             "provider_id = ? WHERE id = ? AND state <> 'paid'"_s,
                             {nowMs, by, providerId, order.id});
    if (!marked)
        return marked.error();
    // The order's reference is the key: the same reference can never credit twice, whether
    // the operator, the webhook or both confirm it, on any number of processes.
    auto after = appendLedger(accountId, u"topup"_s, order.amount_micro,
                              u"topup:%1:%2"_s.arg(accountId).arg(order.reference), 0,
                              u"top-up %1"_s.arg(order.reference), nowMs);
    if (!after)
        return after.error();
    TopUpConfirmation done{order, accountId, true};
    done.order.state = u"paid"_s;
    done.order.paid_at = utc(nowMs);
    done.order.confirmed_by = by;
    return done;
}

Result<Store::TopUpConfirmation> SqlStore::confirmTopUpOrder(qint64 orderId, qint64 nowMs)
{
    Transaction tx(*m_db);
    if (!tx.started())
        return tx.started().error();
    qint64 accountId = 0;
    auto order = loadTopUpOrder(u"id"_s, orderId, &accountId);
    if (!order)
        return order.error();
    if (!*order)
        return makeError(u"topup_not_found"_s, u"no top-up order %1"_s.arg(orderId));
    if ((*order)->state == "paid"_L1)
        return TopUpConfirmation{**order, accountId, false};
    auto done = creditTopUpOrder(**order, accountId, u"admin"_s, {}, nowMs);
    if (!done)
        return done.error();
    if (auto c = tx.commit(); !c)
        return c.error();
    return done;
}

Result<Store::TopUpConfirmation> SqlStore::applyPaymentWebhook(const QString &signature,
                                                               const protocol::PaymentWebhook &body,
                                                               qint64 nowMs)
{
    Transaction tx(*m_db);
    if (!tx.started())
        return tx.started().error();
    // A signature is only accepted while its `t` is within the tolerance of the clock, so
    // keeping each for twice the tolerance after it was seen covers every replay that the
    // timestamp check would let through.
    auto pruned = m_db->exec(u"DELETE FROM webhook_signatures WHERE at < ?"_s,
                             {nowMs - 2 * m_policy.webhookToleranceS * 1000});
    if (!pruned)
        return pruned.error();
    auto recorded = m_db->exec(u"INSERT INTO webhook_signatures (signature, at) VALUES (?, ?)"_s,
                               {signature, nowMs});
    if (!recorded) {
        if (recorded.error().code == "conflict"_L1)
            return makeError(u"webhook_replayed"_s, u"this signed request was received before"_s);
        return recorded.error();
    }
    qint64 accountId = 0;
    auto order = loadTopUpOrder(u"reference"_s, body.reference, &accountId);
    if (!order)
        return order.error();
    if (!*order)
        return makeError(u"topup_not_found"_s,
                         u"no top-up order with reference '%1'"_s.arg(body.reference));
    const TopUpOrder &o = **order;
    if (o.amount_micro != body.amount_micro)
        return makeError(u"amount_mismatch"_s,
                         u"order %1 is for %2 micro-units, the payment says %3; nothing was "
                         "credited"_s.arg(o.reference)
                             .arg(o.amount_micro)
                             .arg(body.amount_micro));
    if (o.state == "paid"_L1) {
        auto provider = m_db->scalar(u"SELECT provider_id FROM topups WHERE id = ?"_s, {o.id});
        if (!provider)
            return provider.error();
        if (provider->toString() != body.provider_id)
            return makeError(u"topup_already_paid"_s,
                             u"order %1 was paid by another payment"_s.arg(o.reference));
        if (auto c = tx.commit(); !c) // the same payment told again: nothing to do
            return c.error();
        return TopUpConfirmation{o, accountId, false};
    }
    if (o.state == "expired"_L1 || o.expires_at.toMSecsSinceEpoch() <= nowMs)
        return makeError(u"topup_expired"_s,
                         u"order %1 expired; refund the payment or ask the operator to confirm "
                         "it"_s.arg(o.reference));
    auto done = creditTopUpOrder(o, accountId, u"webhook"_s, body.provider_id, nowMs);
    if (!done)
        return done.error();
    if (auto c = tx.commit(); !c)
        return c.error();
    return done;
}

// ---- payouts ------------------------------------------------------------------------------

Result<qint64> SqlStore::payoutsAccount()
{
    // Like the platform account: found by a role no admin command grants.
    if (m_payoutsAccount)
        return m_payoutsAccount;
    auto lookup = [this]() -> Result<QVariant> {
        return m_db->scalar(u"SELECT MIN(id) FROM accounts WHERE roles = 'payouts'"_s);
    };
    auto found = lookup();
    if (!found)
        return found.error();
    if (found->isNull()) {
        {
            Transaction create(*m_db);
            if (create.started() && createAccount(u"suanli-payouts"_s, {u"payouts"_s}))
                (void)create.commit();
        }
        found = lookup();
        if (!found || found->isNull())
            return makeError(u"database_error"_s, u"cannot create the payouts account"_s);
    }
    m_payoutsAccount = found->toLongLong();
    return m_payoutsAccount;
}

Result<Micro> SqlStore::withdrawable(qint64 accountId, qint64 nowMs,
                                     protocol::PayoutSummary *summary)
{
    // Earnings and their corrections (a lost host's excess goes back under `…:earning` keys).
    const QString earnings = u"SELECT COALESCE(SUM(amount_micro), 0) FROM ledger "
                             "WHERE account_id = ? AND (kind = 'earning' OR (kind = 'correction' "
                             "AND idempotency_key LIKE '%:earning'))"_s;
    auto earned = m_db->scalar(earnings, {accountId});
    if (!earned)
        return earned.error();
    auto matured = m_db->scalar(earnings + u" AND at <= ?"_s,
                                {accountId, nowMs - m_policy.payoutHoldDays * kDayMs});
    if (!matured)
        return matured.error();
    auto q = m_db->exec(u"SELECT state, COALESCE(SUM(amount_micro), 0) FROM payouts "
                        "WHERE account_id = ? GROUP BY state"_s,
                        {accountId});
    if (!q)
        return q.error();
    Micro requested = 0;
    Micro paid = 0;
    while (q->next()) {
        const QString state = q->value(0).toString();
        if (state == "requested"_L1 || state == "approved"_L1)
            requested += q->value(1).toLongLong();
        else if (state == "paid"_L1)
            paid += q->value(1).toLongLong();
    }
    auto balance = m_db->scalar(u"SELECT balance_micro FROM accounts WHERE id = ?"_s, {accountId});
    if (!balance)
        return balance.error();
    if (balance->isNull())
        return makeError(u"not_found"_s, u"no account %1"_s.arg(accountId));
    // Matured earnings not yet asked for, and never more than the balance: what was spent
    // on rentals cannot be paid out as well, and top-ups are never withdrawable.
    const Micro available = std::max<Micro>(
        0, std::min(matured->toLongLong() - requested - paid, balance->toLongLong()));
    if (summary) {
        summary->earned_micro = earned->toLongLong();
        summary->withdrawable_micro = available;
        summary->requested_micro = requested;
        summary->paid_micro = paid;
        summary->hold_days = m_policy.payoutHoldDays;
        summary->currency = m_policy.currency;
    }
    return available;
}

Result<protocol::PayoutSummary> SqlStore::payoutSummary(qint64 accountId, qint64 nowMs)
{
    protocol::PayoutSummary summary;
    auto w = withdrawable(accountId, nowMs, &summary);
    if (!w)
        return w.error();
    return summary;
}

Result<Payout>
SqlStore::requestPayout(qint64 accountId, const protocol::PayoutRequest &request,
                        const QString &idempotencyKey,
                        const std::function<QByteArray(const Payout &)> &responseBody, qint64 nowMs)
{
    Transaction tx(*m_db);
    if (!tx.started())
        return tx.started().error();
    // The lender's row first (SQLite: BEGIN IMMEDIATE already holds the write lock): a
    // concurrent request on another process waits here and then sees this one's payout.
    // Lock order: lender, then the payouts account, as every payout step does.
    if (const QString lock = m_db->forUpdate(); !lock.isEmpty()) {
        auto locked = m_db->scalar(u"SELECT id FROM accounts WHERE id = ?"_s + lock, {accountId});
        if (!locked)
            return locked.error();
    }
    auto available = withdrawable(accountId, nowMs, nullptr);
    if (!available)
        return available.error();
    if (request.amount_micro > *available)
        return makeError(u"exceeds_withdrawable"_s,
                         u"%1 micro-units asked for, %2 withdrawable"_s.arg(request.amount_micro)
                             .arg(*available),
                         u"amount_micro"_s);
    auto clearing = payoutsAccount();
    if (!clearing)
        return clearing.error();
    auto id =
        m_db->insertReturningId(u"INSERT INTO payouts (account_id, amount_micro, "
                                "destination, state, requested_at) VALUES (?, ?, ?, "
                                "'requested', ?)"_s,
                                {accountId, request.amount_micro, request.destination, nowMs});
    if (!id)
        return id.error();
    const QString key = u"payout:%1:requested"_s.arg(*id);
    const QString description = u"payout %1 requested"_s.arg(*id);
    if (auto e =
            appendLedger(accountId, u"payout"_s, -request.amount_micro, key, 0, description, nowMs);
        !e)
        return e.error();
    if (auto e = appendLedger(*clearing, u"payout"_s, request.amount_micro, key + u":held"_s, 0,
                              description, nowMs);
        !e)
        return e.error();
    Payout payout{*id,
                  accountId,
                  request.amount_micro,
                  request.destination,
                  u"requested"_s,
                  utc(nowMs),
                  {},
                  {},
                  {},
                  {}};
    if (!idempotencyKey.isEmpty()) {
        auto stored = m_db->exec(
            u"INSERT INTO idempotency (account_id, key, status, body, "
            "created_at) VALUES (?, ?, ?, ?, ?)"_s,
            {accountId, idempotencyKey, 201, QString::fromUtf8(responseBody(payout)), nowMs});
        if (!stored)
            return stored.error();
    }
    if (auto c = tx.commit(); !c)
        return c.error();
    return payout;
}

Result<QList<Payout>> SqlStore::payouts(qint64 accountId, const QString &state)
{
    auto q = listNewestFirst(*m_db, kPayoutColumns, u"payouts"_s, accountId, state, 10000);
    if (!q)
        return q.error();
    QList<Payout> list;
    while (q->next())
        list.append(payoutFromRow(*q));
    return list;
}

Result<std::optional<Payout>> SqlStore::loadPayout(qint64 payoutId, bool lock)
{
    auto q = m_db->exec(u"SELECT "_s + kPayoutColumns + u" FROM payouts WHERE id = ?"_s +
                            (lock ? m_db->forUpdate() : QString()),
                        {payoutId});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<Payout>{};
    Payout p = payoutFromRow(*q);
    q->finish();
    return std::optional<Payout>(p);
}

Result<void> SqlStore::setPayoutState(qint64 payoutId, const QString &state, const QString &column,
                                      qint64 nowMs)
{
    // `column` is one of this file's literals, never a caller's text.
    auto r = m_db->exec(u"UPDATE payouts SET state = ?, %1 = ? WHERE id = ?"_s.arg(column),
                        {state, nowMs, payoutId});
    if (!r)
        return r.error();
    return {};
}

Result<Payout> SqlStore::approvePayout(qint64 payoutId, qint64 nowMs)
{
    Transaction tx(*m_db);
    if (!tx.started())
        return tx.started().error();
    auto loaded = loadPayout(payoutId, true);
    if (!loaded)
        return loaded.error();
    if (!*loaded)
        return makeError(u"payout_not_found"_s, payoutNotFound(payoutId));
    Payout p = **loaded;
    if (p.state == "approved"_L1)
        return p;
    if (p.state != "requested"_L1)
        return makeError(
            u"invalid_state"_s,
            u"payout %1 is %2; only a requested payout can be approved"_s.arg(payoutId).arg(
                p.state));
    if (auto r = setPayoutState(payoutId, u"approved"_s, u"decided_at"_s, nowMs); !r)
        return r.error();
    if (auto e = appendLedger(p.account_id, u"payout_approved"_s, 0,
                              u"payout:%1:approved"_s.arg(payoutId), 0,
                              u"payout %1 approved"_s.arg(payoutId), nowMs);
        !e)
        return e.error();
    if (auto c = tx.commit(); !c)
        return c.error();
    p.state = u"approved"_s;
    p.decided_at = utc(nowMs);
    return p;
}

Result<Payout> SqlStore::rejectPayout(qint64 payoutId, const QString &reason, qint64 nowMs)
{
    Transaction tx(*m_db);
    if (!tx.started())
        return tx.started().error();
    auto loaded = loadPayout(payoutId, true);
    if (!loaded)
        return loaded.error();
    if (!*loaded)
        return makeError(u"payout_not_found"_s, payoutNotFound(payoutId));
    Payout p = **loaded;
    if (p.state == "rejected"_L1)
        return p;
    if (p.state == "paid"_L1)
        return makeError(u"invalid_state"_s,
                         u"payout %1 is paid; a paid payout cannot be rejected"_s.arg(payoutId));
    auto clearing = payoutsAccount();
    if (!clearing)
        return clearing.error();
    if (auto r = setPayoutState(payoutId, u"rejected"_s, u"decided_at"_s, nowMs); !r)
        return r.error();
    if (auto r = m_db->exec(u"UPDATE payouts SET reason = ? WHERE id = ?"_s, {reason, payoutId});
        !r)
        return r.error();
    const QString key = u"payout:%1:rejected"_s.arg(payoutId);
    const QString description = u"payout %1 rejected: %2"_s.arg(payoutId).arg(reason.left(200));
    if (auto e = appendLedger(p.account_id, u"payout_returned"_s, p.amount_micro, key, 0,
                              description, nowMs);
        !e)
        return e.error();
    if (auto e = appendLedger(*clearing, u"payout_returned"_s, -p.amount_micro, key + u":held"_s, 0,
                              description, nowMs);
        !e)
        return e.error();
    if (auto c = tx.commit(); !c)
        return c.error();
    p.state = u"rejected"_s;
    p.decided_at = utc(nowMs);
    p.reason = reason;
    return p;
}

Result<Payout> SqlStore::markPayoutPaid(qint64 payoutId, const QString &reference, qint64 nowMs)
{
    Transaction tx(*m_db);
    if (!tx.started())
        return tx.started().error();
    auto loaded = loadPayout(payoutId, true);
    if (!loaded)
        return loaded.error();
    if (!*loaded)
        return makeError(u"payout_not_found"_s, payoutNotFound(payoutId));
    Payout p = **loaded;
    if (p.state == "paid"_L1) {
        if (p.reference == reference)
            return p;
        return makeError(
            u"invalid_state"_s,
            u"payout %1 was paid with reference '%2'"_s.arg(payoutId).arg(p.reference));
    }
    if (p.state != "approved"_L1)
        return makeError(
            u"invalid_state"_s,
            u"payout %1 is %2; approve it before marking it paid"_s.arg(payoutId).arg(p.state));
    auto clearing = payoutsAccount();
    if (!clearing)
        return clearing.error();
    if (auto r = setPayoutState(payoutId, u"paid"_s, u"paid_at"_s, nowMs); !r)
        return r.error();
    if (auto r =
            m_db->exec(u"UPDATE payouts SET reference = ? WHERE id = ?"_s, {reference, payoutId});
        !r)
        return r.error();
    const QString key = u"payout:%1:paid"_s.arg(payoutId);
    const QString description = u"payout %1 paid: %2"_s.arg(payoutId).arg(reference.left(200));
    // The lender's line records the step (the money left the balance at the request); the
    // payouts account's line is where the money leaves the market.
    if (auto e = appendLedger(p.account_id, u"payout_paid"_s, 0, key, 0, description, nowMs); !e)
        return e.error();
    if (auto e = appendLedger(*clearing, u"payout_paid"_s, -p.amount_micro, key + u":held"_s, 0,
                              description, nowMs);
        !e)
        return e.error();
    if (auto c = tx.commit(); !c)
        return c.error();
    p.state = u"paid"_s;
    p.paid_at = utc(nowMs);
    p.reference = reference;
    return p;
}

// ---- news for the apps --------------------------------------------------------------------

namespace {
const QString kMoneyKinds =
    u"kind IN ('topup', 'payout', 'payout_approved', 'payout_returned', 'payout_paid')"_s;
}

Result<QPair<qint64, QList<Store::MoneyEntry>>> SqlStore::moneyEntriesAfter(qint64 afterId)
{
    auto q = m_db->exec(u"SELECT id, account_id, kind, idempotency_key FROM ledger WHERE id > ? "
                        "AND "_s +
                            kMoneyKinds + u" ORDER BY id LIMIT 1000"_s,
                        {afterId});
    if (!q)
        return q.error();
    QPair<qint64, QList<MoneyEntry>> found{afterId, {}};
    while (q->next()) {
        found.first = q->value(0).toLongLong();
        MoneyEntry e{found.first, q->value(1).toLongLong(), q->value(2).toString(),
                     q->value(3).toString()};
        if (!e.key.endsWith(":held"_L1)) // the payouts account's side: nobody's app
            found.second.append(e);
    }
    return found;
}

Result<qint64> SqlStore::lastMoneyEntry()
{
    auto id = m_db->scalar(u"SELECT COALESCE(MAX(id), 0) FROM ledger WHERE "_s + kMoneyKinds);
    if (!id)
        return id.error();
    return id->toLongLong();
}

} // namespace suanli::server
