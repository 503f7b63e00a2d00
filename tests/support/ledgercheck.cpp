#include "ledgercheck.h"

#include "marketharness.h"
#include "server/database.h"

#include <QHash>
#include <QMap>
#include <QSet>

using namespace Qt::StringLiterals;

namespace suanli::testing {

namespace {

struct Entry
{
    qint64 id = 0;
    qint64 account = 0;
    QString kind;
    qint64 amount = 0;
    qint64 after = 0;
    QString key;
};

QString stripSuffix(const QString &key, const QStringList &suffixes)
{
    for (const QString &suffix : suffixes) {
        if (key.endsWith(suffix))
            return key.left(key.size() - suffix.size());
    }
    return key;
}

} // namespace

QStringList checkLedger(const QString &databaseUrl)
{
    static int connections = 0;
    QStringList problems;
    auto opened = server::Database::open(databaseUrl, u"ledgercheck-%1"_s.arg(++connections));
    if (!opened)
        return {u"cannot open %1: %2"_s.arg(databaseUrl, opened.error().message)};
    server::Database &db = **opened;

    QHash<qint64, qint64> balances;
    qint64 payoutsAccount = 0;
    {
        auto q = db.exec(u"SELECT id, balance_micro, roles FROM accounts"_s);
        if (!q)
            return {q.error().message};
        while (q->next()) {
            balances.insert(q->value(0).toLongLong(), q->value(1).toLongLong());
            if (q->value(2).toString() == "payouts"_L1)
                payoutsAccount = q->value(0).toLongLong();
        }
    }
    QList<Entry> entries;
    {
        auto q = db.exec(u"SELECT id, account_id, kind, amount_micro, balance_after_micro, "
                         "idempotency_key FROM ledger ORDER BY id"_s);
        if (!q)
            return {q.error().message};
        while (q->next())
            entries.append({q->value(0).toLongLong(), q->value(1).toLongLong(),
                            q->value(2).toString(), q->value(3).toLongLong(),
                            q->value(4).toLongLong(), q->value(5).toString()});
    }

    // Balances and their chains.
    QHash<qint64, qint64> running;
    for (const Entry &e : std::as_const(entries)) {
        const qint64 next = running.value(e.account) + e.amount;
        if (e.after != next)
            problems << u"entry %1 (%2): balance_after %3, the chain says %4"_s.arg(e.id)
                            .arg(e.key)
                            .arg(e.after)
                            .arg(next);
        running[e.account] = e.after; // one break reported once, not for every later entry
    }
    QHash<qint64, qint64> sums;
    for (const Entry &e : std::as_const(entries))
        sums[e.account] += e.amount;
    for (auto it = balances.constBegin(); it != balances.constEnd(); ++it) {
        if (sums.value(it.key()) != it.value())
            problems << u"account %1: balance %2, its entries sum to %3"_s.arg(it.key())
                            .arg(it.value())
                            .arg(sums.value(it.key()));
    }

    // Kinds: where money comes from and goes, and the groups that must net to zero.
    // A prepaid plan's period (`plan`, with its `:earning` and `:fee`) and its refund (`refund`
    // on all three lines, `…:refund`, `…:refund:earning`, `…:refund:fee`) net to zero like an
    // accrual (docs/market.md, "The ledger and its idempotency keys").
    static const QSet<QString> accrualKinds = {u"gpu"_s,    u"storage"_s, u"correction"_s,
                                               u"earning"_s, u"fee"_s,    u"plan"_s,
                                               u"refund"_s};
    static const QSet<QString> payoutKinds = {u"payout"_s, u"payout_returned"_s, u"payout_paid"_s};
    qint64 moneyIn = 0;
    qint64 moneyOut = 0;
    QMap<QString, qint64> accruals;
    QMap<QString, qint64> payoutSteps;
    QHash<QString, qint64> byKey;
    QMap<QString, int> unknown;
    for (const Entry &e : std::as_const(entries)) {
        byKey.insert(e.key, e.amount);
        if (e.kind == "topup"_L1 || e.kind == "voucher"_L1) {
            if (e.amount <= 0)
                problems
                    << u"entry %1 (%2): a %3 of %4"_s.arg(e.id).arg(e.key, e.kind).arg(e.amount);
            moneyIn += e.amount;
        } else if (accrualKinds.contains(e.kind)) {
            accruals[stripSuffix(e.key, {u":earning"_s, u":fee"_s})] += e.amount;
        } else if (e.kind == "guard"_L1 || e.kind == "payout_approved"_L1) {
            if (e.amount != 0)
                problems << u"entry %1 (%2): a %3 entry moves %4"_s.arg(e.id)
                                .arg(e.key, e.kind)
                                .arg(e.amount);
        } else if (payoutKinds.contains(e.kind)) {
            if (e.kind == "payout_paid"_L1) {
                const bool held = e.key.endsWith(":held"_L1);
                if (held && e.account != payoutsAccount)
                    problems << u"entry %1 (%2): money left from account %3, not the payouts "
                                "account"_s.arg(e.id)
                                    .arg(e.key)
                                    .arg(e.account);
                if (!held && e.amount != 0)
                    problems << u"entry %1 (%2): the lender's paid line moves %3"_s.arg(e.id)
                                    .arg(e.key)
                                    .arg(e.amount);
                if (held)
                    moneyOut += e.amount;
            } else {
                payoutSteps[stripSuffix(e.key, {u":held"_s})] += e.amount;
            }
        } else {
            ++unknown[e.kind];
        }
    }
    for (auto it = unknown.constBegin(); it != unknown.constEnd(); ++it)
        problems << u"unknown ledger kind '%1' (%2 entries): add its rule to "
                    "tests/support/ledgercheck.cpp"_s.arg(it.key())
                        .arg(it.value());
    for (auto it = accruals.constBegin(); it != accruals.constEnd(); ++it) {
        if (it.value() != 0)
            problems << u"accrual %1: charge ≠ earning + fee (off by %2)"_s.arg(it.key()).arg(
                it.value());
    }
    for (auto it = payoutSteps.constBegin(); it != payoutSteps.constEnd(); ++it) {
        if (it.value() != 0)
            problems << u"payout step %1 does not net to zero (off by %2)"_s.arg(it.key()).arg(
                it.value());
    }
    qint64 total = 0;
    for (qint64 b : std::as_const(balances))
        total += b;
    if (total != moneyIn + moneyOut)
        problems << u"balances sum to %1; money in %2 and out %3 say %4"_s.arg(total)
                        .arg(moneyIn)
                        .arg(-moneyOut)
                        .arg(moneyIn + moneyOut);

    // Payouts against their ledger lines.
    qint64 outstanding = 0;
    if (auto q = db.exec(u"SELECT id, amount_micro, state FROM payouts"_s)) {
        while (q->next()) {
            const qint64 id = q->value(0).toLongLong();
            const qint64 amount = q->value(1).toLongLong();
            const QString state = q->value(2).toString();
            auto expect = [&](const QString &key, std::optional<qint64> amountThere) {
                const bool has = byKey.contains(key);
                if (amountThere && (!has || byKey.value(key) != *amountThere))
                    problems << u"payout %1 (%2): entry %3 should be %4, is %5"_s.arg(id)
                                    .arg(state, key)
                                    .arg(*amountThere)
                                    .arg(has ? QString::number(byKey.value(key)) : u"missing"_s);
                if (!amountThere && has)
                    problems << u"payout %1 (%2): unexpected entry %3"_s.arg(id).arg(state, key);
            };
            const QString base = u"payout:%1:"_s.arg(id);
            expect(base + u"requested"_s, -amount);
            const bool approved = state == "approved"_L1 || state == "paid"_L1;
            expect(base + u"approved"_s, approved ? std::optional<qint64>(0) : std::nullopt);
            expect(base + u"paid:held"_s,
                   state == "paid"_L1 ? std::optional<qint64>(-amount) : std::nullopt);
            expect(base + u"rejected"_s,
                   state == "rejected"_L1 ? std::optional<qint64>(amount) : std::nullopt);
            if (state == "requested"_L1 || state == "approved"_L1)
                outstanding += amount;
        }
    } else {
        problems << q.error().message;
    }
    if (balances.value(payoutsAccount) != outstanding)
        problems << u"the payouts account holds %1, requested and approved payouts are %2"_s
                        .arg(balances.value(payoutsAccount))
                        .arg(outstanding);

    // Top-up orders against their credits.
    if (auto q = db.exec(u"SELECT account_id, reference, amount_micro, state FROM topups"_s)) {
        while (q->next()) {
            const QString key =
                u"topup:%1:%2"_s.arg(q->value(0).toLongLong()).arg(q->value(1).toString());
            const bool paid = q->value(3).toString() == "paid"_L1;
            if (paid && byKey.value(key, -1) != q->value(2).toLongLong())
                problems << u"paid order %1 has no credit of its amount"_s.arg(key);
            if (!paid && byKey.contains(key))
                problems << u"unpaid order %1 was credited"_s.arg(key);
        }
    } else {
        problems << q.error().message;
    }
    return problems;
}

QStringList checkLedgerThenClose(std::unique_ptr<MarketHarness> &harness)
{
    QStringList problems;
    if (harness && harness->ok())
        problems = checkLedger(harness->databaseUrl());
    harness.reset();
    return problems;
}

} // namespace suanli::testing
