#pragma once

#include "earnings.h"
#include "protocol/types.h"

#include <QObject>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

namespace suanli::contributor {

/// The two market reads contributor mode needs, with the lender's account token: earnings and
/// the pricing suggestion. Takes its network manager; answers through callbacks that run only
/// while `context` lives.
class ContributorMarket : public QObject
{
    Q_OBJECT
public:
    explicit ContributorMarket(QNetworkAccessManager *network, QObject *parent = nullptr);

    void setMarket(const QUrl &baseUrl, const QByteArray &accountToken);
    bool isConfigured() const { return m_base.isValid() && !m_token.isEmpty(); }

    /// GET /api/v1/earnings
    void earnings(QObject *context, std::function<void(Result<Earnings>)> done);
    /// GET /api/v1/pricing?gpu_model=… (404 `not_found` on a market without it)
    void pricing(const QString &gpuModel, QObject *context,
                 std::function<void(Result<PricingSuggestion>)> done);

    /// GET /api/v1/ledger?since=…: this account's `earning` entries from `since` on.
    void earningsLedger(const QDateTime &since, QObject *context,
                        std::function<void(Result<QList<protocol::LedgerEntry>>)> done);

private:
    void get(const QString &path, const QList<std::pair<QString, QString>> &query, QObject *context,
             std::function<void(Result<QJsonObject>)> done);

    QNetworkAccessManager *m_network;
    QUrl m_base;
    QByteArray m_token;
};

} // namespace suanli::contributor
