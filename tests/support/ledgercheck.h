#pragma once

#include <QString>
#include <QStringList>

#include <memory>

namespace suanli::testing {

class MarketHarness;

/// The ledger's invariants, read from the database at `databaseUrl` (the harness's
/// databaseUrl(), SQLite or PostgreSQL) through a connection of its own. Returns the
/// violations, one sentence each; empty when the ledger balances to the micro-unit:
///
/// - every account's balance is the sum of its entries, and each entry's balance_after is the
///   previous one's plus its amount (in id order, from 0);
/// - money comes in only as `topup` and `voucher` entries and leaves only as the payouts
///   account's `payout_paid` entries: the sum of all balances is exactly in − out;
/// - every accrual (`lease:<id>:accrual:<n>`: `gpu`/`storage`/`correction` of the renter,
///   `…:earning` of the lender, `…:fee` of the platform) nets to zero: charge = earning + fee;
/// - every payout step (`payout:<id>:<step>` and its `…:held` twin on the payouts account)
///   nets to zero but `paid`, whose held side is the money leaving; `payout_approved` and the
///   lender's `payout_paid` are zero; the payouts account holds exactly the requested and
///   approved payouts; the payouts table and its ledger entries agree;
/// - a paid top-up order has exactly one `topup:<account>:<reference>` entry of its amount, an
///   unpaid one none; `guard` entries are zero.
///
/// A kind it does not know is a violation: a change that adds a ledger kind adds its rule to
/// ledgercheck.cpp (docs/market.md, "The ledger and its idempotency keys").
QStringList checkLedger(const QString &databaseUrl);

/// What a test's cleanup() runs after every scenario: checkLedger() on the harness's database
/// (when it has a market), then the harness closed. Returns the violations.
QStringList checkLedgerThenClose(std::unique_ptr<MarketHarness> &harness);

} // namespace suanli::testing
