#include "moneymessages.h"

#include "json.h"

#include <QSet>
#include <QTimeZone>

#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace suanli::protocol {

namespace {

QJsonValue timeValue(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(formatTime(time)) : QJsonValue(QJsonValue::Null);
}

Error typeError(const QString &field, const QString &expected)
{
    return Error{u"invalid_type"_s, u"%1 must be %2"_s.arg(field, expected), field, -1};
}

Error missing(const QString &field)
{
    return Error{u"missing_field"_s, u"%1 is required"_s.arg(field), field, -1};
}

/// Reads fields one by one; the first error wins and later reads do nothing.
class FieldReader
{
public:
    explicit FieldReader(const QJsonObject &json)
        : m_json(json)
    {}

    void integer(const QString &name, qint64 &out, bool required = true)
    {
        const QJsonValue v = m_json.value(name);
        if (m_error || absent(name, v, required))
            return;
        // Qt keeps integral JSON numbers within qint64 exact; anything else is not an integer.
        const double d = v.toDouble();
        if (!v.isDouble() || d != std::floor(d) || d < -9.2e18 || d > 9.2e18) {
            m_error = typeError(name, u"an integer"_s);
            return;
        }
        out = v.toInteger();
    }
    void text(const QString &name, QString &out, bool required = true)
    {
        const QJsonValue v = m_json.value(name);
        if (m_error || absent(name, v, required))
            return;
        if (!v.isString()) {
            m_error = typeError(name, u"a string"_s);
            return;
        }
        out = v.toString();
    }
    /// A time or null.
    void time(const QString &name, QDateTime &out, bool required = true)
    {
        const QJsonValue v = m_json.value(name);
        if (m_error || absent(name, v, required))
            return;
        if (v.isNull()) {
            out = {};
            return;
        }
        QDateTime t =
            v.isString() ? QDateTime::fromString(v.toString(), Qt::ISODateWithMs) : QDateTime();
        if (t.isValid())
            t = t.toUTC();
        if (!t.isValid() || t.date().year() < 1 || t.date().year() > 9999) {
            m_error = typeError(name, u"an ISO 8601 time or null"_s);
            return;
        }
        out = t;
    }
    void positive(const QString &name, qint64 value)
    {
        if (!m_error && value <= 0)
            m_error = Error{u"invalid_value"_s, u"%1 must be positive"_s.arg(name), name, -1};
    }
    void only(const QStringList &names)
    {
        if (m_error)
            return;
        for (auto it = m_json.constBegin(); it != m_json.constEnd(); ++it) {
            if (!names.contains(it.key())) {
                m_error =
                    Error{u"unknown_field"_s, u"unknown field '%1'"_s.arg(it.key()), it.key(), -1};
                return;
            }
        }
    }
    void fail(Error error)
    {
        if (!m_error)
            m_error = std::move(error);
    }
    const std::optional<Error> &error() const { return m_error; }

private:
    bool absent(const QString &name, const QJsonValue &v, bool required)
    {
        if (!v.isUndefined())
            return false;
        if (required)
            m_error = missing(name);
        return true;
    }

    const QJsonObject &m_json;
    std::optional<Error> m_error;
};

template <typename T> Result<T> finish(const FieldReader &reader, T value)
{
    if (reader.error())
        return *reader.error();
    return value;
}

} // namespace

QJsonObject toJson(const TopUpOrder &o)
{
    return {{u"id"_s, o.id},
            {u"account_id"_s, o.account_id},
            {u"reference"_s, o.reference},
            {u"amount_micro"_s, o.amount_micro},
            {u"state"_s, o.state},
            {u"created_at"_s, timeValue(o.created_at)},
            {u"expires_at"_s, timeValue(o.expires_at)},
            {u"paid_at"_s, timeValue(o.paid_at)},
            {u"confirmed_by"_s, o.confirmed_by}};
}

QJsonObject toJson(const Payout &p)
{
    return {{u"id"_s, p.id},
            {u"account_id"_s, p.account_id},
            {u"amount_micro"_s, p.amount_micro},
            {u"destination"_s, p.destination},
            {u"state"_s, p.state},
            {u"requested_at"_s, timeValue(p.requested_at)},
            {u"decided_at"_s, timeValue(p.decided_at)},
            {u"paid_at"_s, timeValue(p.paid_at)},
            {u"reason"_s, p.reason},
            {u"reference"_s, p.reference}};
}

QJsonObject toJson(const PayoutSummary &s)
{
    return {{u"earned_micro"_s, s.earned_micro},
            {u"withdrawable_micro"_s, s.withdrawable_micro},
            {u"requested_micro"_s, s.requested_micro},
            {u"paid_micro"_s, s.paid_micro},
            {u"hold_days"_s, s.hold_days},
            {u"currency"_s, s.currency}};
}

QJsonObject toJson(const PaymentWebhook &b)
{
    return {{u"reference"_s, b.reference},
            {u"amount_micro"_s, b.amount_micro},
            {u"provider_id"_s, b.provider_id}};
}

QJsonObject toJson(const TopUpRequest &r)
{
    return {{u"amount_micro"_s, r.amount_micro}};
}

QJsonObject toJson(const PayoutRequest &r)
{
    return {{u"amount_micro"_s, r.amount_micro}, {u"destination"_s, r.destination}};
}

Result<TopUpOrder> topUpOrderFromJson(const QJsonObject &json)
{
    TopUpOrder o;
    FieldReader r(json);
    r.integer(u"id"_s, o.id);
    r.integer(u"account_id"_s, o.account_id, false);
    r.text(u"reference"_s, o.reference);
    r.integer(u"amount_micro"_s, o.amount_micro);
    r.text(u"state"_s, o.state);
    r.time(u"created_at"_s, o.created_at, false);
    r.time(u"expires_at"_s, o.expires_at);
    r.time(u"paid_at"_s, o.paid_at, false);
    r.text(u"confirmed_by"_s, o.confirmed_by, false);
    return finish(r, o);
}

Result<Payout> payoutFromJson(const QJsonObject &json)
{
    Payout p;
    FieldReader r(json);
    r.integer(u"id"_s, p.id);
    r.integer(u"account_id"_s, p.account_id, false);
    r.integer(u"amount_micro"_s, p.amount_micro);
    r.text(u"destination"_s, p.destination);
    r.text(u"state"_s, p.state);
    r.time(u"requested_at"_s, p.requested_at, false);
    r.time(u"decided_at"_s, p.decided_at, false);
    r.time(u"paid_at"_s, p.paid_at, false);
    r.text(u"reason"_s, p.reason, false);
    r.text(u"reference"_s, p.reference, false);
    return finish(r, p);
}

Result<PayoutSummary> payoutSummaryFromJson(const QJsonObject &json)
{
    PayoutSummary s;
    FieldReader r(json);
    r.integer(u"earned_micro"_s, s.earned_micro);
    r.integer(u"withdrawable_micro"_s, s.withdrawable_micro);
    r.integer(u"requested_micro"_s, s.requested_micro);
    r.integer(u"paid_micro"_s, s.paid_micro);
    r.integer(u"hold_days"_s, s.hold_days, false);
    r.text(u"currency"_s, s.currency, false);
    return finish(r, s);
}

Result<PaymentWebhook> paymentWebhookFromJson(const QJsonObject &json)
{
    PaymentWebhook b;
    FieldReader r(json);
    r.only({u"reference"_s, u"amount_micro"_s, u"provider_id"_s});
    r.text(u"reference"_s, b.reference);
    r.integer(u"amount_micro"_s, b.amount_micro);
    r.text(u"provider_id"_s, b.provider_id);
    r.positive(u"amount_micro"_s, b.amount_micro);
    if (b.provider_id.size() > 200)
        r.fail(Error{u"invalid_value"_s, u"provider_id has at most 200 characters"_s,
                     u"provider_id"_s, -1});
    return finish(r, b);
}

Result<TopUpRequest> topUpRequestFromJson(const QJsonObject &json)
{
    TopUpRequest t;
    FieldReader r(json);
    r.integer(u"amount_micro"_s, t.amount_micro);
    r.positive(u"amount_micro"_s, t.amount_micro);
    return finish(r, t);
}

Result<PayoutRequest> payoutRequestFromJson(const QJsonObject &json)
{
    PayoutRequest p;
    FieldReader r(json);
    r.integer(u"amount_micro"_s, p.amount_micro);
    r.text(u"destination"_s, p.destination);
    r.positive(u"amount_micro"_s, p.amount_micro);
    p.destination = p.destination.trimmed();
    if (!r.error() && (p.destination.isEmpty() || p.destination.size() > 200))
        r.fail(Error{u"invalid_value"_s, u"destination takes 1 to 200 characters"_s,
                     u"destination"_s, -1});
    return finish(r, p);
}

} // namespace suanli::protocol
