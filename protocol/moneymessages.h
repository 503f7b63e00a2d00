#pragma once

#include "money.h"
#include "result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

/// Money in and out (DESIGN §9.3, docs/market.md "Top-ups and payouts"): top-up orders, the
/// payment provider's webhook body, payouts and a lender's payout summary, with their JSON
/// codecs. Decoders follow json.h ("invalid_type", "missing_field", "malformed_json"); the
/// webhook body alone is strict and refuses unknown fields ("unknown_field"), because it is
/// the one body that turns into money without a person looking at it.
namespace suanli::protocol {

/// A top-up order: money asked for, credited only once confirmed. States `pending → paid |
/// expired`.
struct TopUpOrder
{
    qint64 id = 0;
    qint64 account_id = 0;
    QString reference; ///< what the renter quotes with the payment ("SL-7KQ2-M9XA-4TZP")
    Micro amount_micro = 0;
    QString state; ///< "pending", "paid", "expired"
    QDateTime created_at;
    QDateTime expires_at;
    QDateTime paid_at;    ///< invalid (null) until paid
    QString confirmed_by; ///< "admin" or "webhook" once paid, else empty
    bool operator==(const TopUpOrder &) const = default;
};

/// A payout: earnings a lender asked to be paid out. States `requested → approved → paid`, or
/// `rejected` (the amount goes back to the balance).
struct Payout
{
    qint64 id = 0;
    qint64 account_id = 0;
    Micro amount_micro = 0;
    QString destination;
    QString state; ///< "requested", "approved", "paid", "rejected"
    QDateTime requested_at;
    QDateTime decided_at; ///< approved or rejected; null before
    QDateTime paid_at;    ///< null until paid
    QString reason;       ///< why it was rejected
    QString reference;    ///< the transfer's reference, once paid
    bool operator==(const Payout &) const = default;
};

/// GET /api/v1/payouts/summary.
struct PayoutSummary
{
    Micro earned_micro = 0;       ///< every earning ever credited, corrections included
    Micro withdrawable_micro = 0; ///< what a payout request may take now
    Micro requested_micro = 0;    ///< payouts requested or approved, not yet paid
    Micro paid_micro = 0;         ///< payouts paid
    qint64 hold_days = 0;
    QString currency;
    bool operator==(const PayoutSummary &) const = default;
};

/// The body a payment provider posts to /api/v1/payments/webhook.
struct PaymentWebhook
{
    QString reference;
    Micro amount_micro = 0;
    QString provider_id;
    bool operator==(const PaymentWebhook &) const = default;
};

/// POST /api/v1/topups.
struct TopUpRequest
{
    Micro amount_micro = 0;
    bool operator==(const TopUpRequest &) const = default;
};

/// POST /api/v1/payouts.
struct PayoutRequest
{
    Micro amount_micro = 0;
    QString destination;
    bool operator==(const PayoutRequest &) const = default;
};

QJsonObject toJson(const TopUpOrder &order);
QJsonObject toJson(const Payout &payout);
QJsonObject toJson(const PayoutSummary &summary);
QJsonObject toJson(const PaymentWebhook &body);
QJsonObject toJson(const TopUpRequest &request);
QJsonObject toJson(const PayoutRequest &request);

Result<TopUpOrder> topUpOrderFromJson(const QJsonObject &json);
Result<Payout> payoutFromJson(const QJsonObject &json);
Result<PayoutSummary> payoutSummaryFromJson(const QJsonObject &json);
/// Strict: unknown fields are "unknown_field"; amount must be positive ("invalid_value").
Result<PaymentWebhook> paymentWebhookFromJson(const QJsonObject &json);
/// amount_micro must be positive ("invalid_value").
Result<TopUpRequest> topUpRequestFromJson(const QJsonObject &json);
/// amount_micro positive, destination 1 to 200 characters after trimming ("invalid_value").
Result<PayoutRequest> payoutRequestFromJson(const QJsonObject &json);

} // namespace suanli::protocol
