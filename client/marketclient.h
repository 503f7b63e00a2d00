#pragma once

#include "protocol/moneymessages.h"
#include "protocol/result.h"
#include "protocol/types.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QUrlQuery>

#include <functional>

class QJsonObject;
class QNetworkAccessManager;
class QNetworkReply;

namespace suanli::client {

using protocol::Account;
using protocol::ApiToken;
using protocol::CreateInstanceRequest;
using protocol::Image;
using protocol::Instance;
using protocol::IssuedToken;
using protocol::LedgerEntry;
using protocol::MarketInfo;
using protocol::Offer;

struct OfferPage
{
    QList<Offer> offers;
    qint64 total = 0;
};

struct Balance
{
    Micro balance_micro = 0;
    QString currency;
};

struct CreatedHost
{
    protocol::Host host;
    QByteArray token; ///< sh_…, shown once by the market
};

/// The market's REST API (server/openapi.yaml) as typed asynchronous calls. No UI: it takes its
/// network manager in the constructor and reports every outcome as a Result through a callback that
/// runs on this object's thread, and only while `context` lives. Every call has a timeout;
/// calls that are safe to repeat (reads, and creates carrying an Idempotency-Key) are retried
/// with backoff on network errors, timeouts, 429 and 5xx. Errors keep the market's stable
/// codes; transport failures are "network_error" or "timeout".
class MarketClient : public QObject
{
    Q_OBJECT
public:
    template <typename T> using Callback = std::function<void(Result<T>)>;

    explicit MarketClient(QNetworkAccessManager *network, QObject *parent = nullptr);
    QNetworkAccessManager *network() const { return m_network; }

    void setMarket(const QUrl &baseUrl, const QByteArray &token);
    QUrl baseUrl() const { return m_baseUrl; }
    QByteArray token() const { return m_token; }
    /// Per attempt; default 15 s.
    void setTimeout(int ms) { m_timeoutMs = ms; }
    /// Extra attempts for repeatable calls; default 2.
    void setRetries(int retries) { m_retries = retries; }
    /// First retry delay; it doubles each time, jittered (protocol/backoff.h). Default 500 ms.
    void setRetryDelay(int ms) { m_retryDelayMs = ms; }

    void me(QObject *context, Callback<Account> done);
    void offers(const QString &query, const QString &order, int limit, int offset, QObject *context,
                Callback<OfferPage> done);
    /// The hosts' images (GET /api/v1/images without the renter's own).
    void images(QObject *context, Callback<QList<Image>> done);
    // ---- saved images (docs/market.md, "Saved images") ----
    /// The renter's own images (GET /api/v1/images, those with `owner: "me"`).
    void ownImages(QObject *context, Callback<QList<protocol::OwnImage>> done);
    /// POST /api/v1/instances/{id}/images: `done` gets the image as accepted (state `saving`).
    /// Not retried: a save answered but lost would leave a second image to pay for.
    void saveImage(qint64 instanceId, const QString &name, QObject *context,
                   Callback<protocol::OwnImage> done);
    /// DELETE /api/v1/images/{id}: storage billing ends, the host frees it.
    void deleteImage(qint64 imageId, QObject *context, Callback<void> done);
    // ---- end saved images ----
    /// `idempotencyKey` makes the create safe to retry: the market answers a repeat with the
    /// first response.
    void createInstance(const CreateInstanceRequest &request, const QString &idempotencyKey,
                        QObject *context, Callback<Instance> done);
    void instances(QObject *context, Callback<QList<Instance>> done);
    void instance(qint64 id, QObject *context, Callback<Instance> done);
    void stopInstance(qint64 id, QObject *context, Callback<Instance> done);
    void startInstance(qint64 id, QObject *context, Callback<Instance> done);
    /// Starts a stopped GPU instance without a GPU, at the offer's price_nogpu_hour_micro
    /// (docs/market.md, "Starting without a GPU").
    void startInstanceWithoutGpu(qint64 id, QObject *context, Callback<Instance> done);
    /// POST /instances/{id}/clone: the new instance, its copy under way. Never retried: a
    /// repeat would make a second clone.
    void cloneInstance(qint64 id, const protocol::CloneInstanceRequest &request, QObject *context,
                       Callback<Instance> done);
    void destroyInstance(qint64 id, QObject *context, Callback<Instance> done);
    void logs(qint64 id, int tail, QObject *context, Callback<QStringList> done);
    /// Entries after `afterId`, oldest first.
    void ledger(qint64 afterId, int limit, QObject *context, Callback<QList<LedgerEntry>> done);
    void ledgerCsv(QObject *context, Callback<QByteArray> done);
    void redeemVoucher(const QString &code, QObject *context, Callback<Balance> done);
    void createHost(const QString &name, QObject *context, Callback<CreatedHost> done);
    void listHosts(QObject *context, Callback<QList<protocol::Host>> done);
    void updateListing(qint64 hostId, const protocol::HostListing &listing, QObject *context,
                       Callback<protocol::Host> done);

    // Accounts and keys (DESIGN §9.3). None of them is retried: a sign-in or a new key answered
    // but lost would leave a key nobody holds, and attempt limits count every try.

    /// GET /api/v1/market: currency, fee, retention, sign-up mode; needs no token.
    void marketInfo(QObject *context, Callback<MarketInfo> done);
    /// POST /api/v1/accounts (no token): the new account's first key.
    void signUp(const protocol::SignUpRequest &request, QObject *context,
                Callback<IssuedToken> done);
    /// POST /api/v1/sessions (no token): a new key of the account, labelled `request.label`.
    /// A wrong name or password is "invalid_credentials", either way.
    void signIn(const protocol::SignInRequest &request, QObject *context,
                Callback<IssuedToken> done);
    /// POST /api/v1/me/password: `done` gets how many other keys were revoked.
    void changePassword(const protocol::PasswordChangeRequest &request, QObject *context,
                        Callback<qint64> done);
    /// GET /api/v1/tokens: the account's keys, their prefixes only.
    void tokens(QObject *context, Callback<QList<ApiToken>> done);
    /// POST /api/v1/tokens: the key, which the market shows this once.
    void createToken(const protocol::TokenCreateRequest &request, QObject *context,
                     Callback<IssuedToken> done);
    /// DELETE /api/v1/tokens/{id}: the key stops working at once.
    void revokeToken(qint64 id, QObject *context, Callback<void> done);
    // ---- money in and out (issue 18, protocol/moneymessages.h) ----
    /// POST /api/v1/topups; with a key, a retry gets the same order.
    void createTopUp(Micro amount, const QString &idempotencyKey, QObject *context,
                     Callback<protocol::TopUpOrder> done);
    void topUps(QObject *context, Callback<QList<protocol::TopUpOrder>> done);
    void payoutSummary(QObject *context, Callback<protocol::PayoutSummary> done);
    /// POST /api/v1/payouts; with a key, a retry gets the same payout.
    void requestPayout(const protocol::PayoutRequest &request, const QString &idempotencyKey,
                       QObject *context, Callback<protocol::Payout> done);
    void payouts(QObject *context, Callback<QList<protocol::Payout>> done);
    // ---- end money ----

    /// Any other market call, for the modules that decode their own answers (the dashboard's
    /// telemetry, events and guards): `path` under the base URL, `body` sent as JSON when not
    /// empty. Same policy as the typed calls: the timeout, the translated "timeout" and
    /// "network_error" messages, the market's error codes for non-2xx answers and
    /// reachableChanged. It is retried like a read, so only for requests that are safe to
    /// repeat: GET, or a PATCH whose absent fields stay. `done` gets the raw 2xx body.
    void request(const QByteArray &method, const QString &path, const QUrlQuery &query,
                 const QByteArray &body, QObject *context, Callback<QByteArray> done);

signals:
    /// A transport failure (after retries) or its end: the status bar shows reachability.
    void reachableChanged(bool reachable);

private:
    struct Call
    {
        QByteArray method;
        QString path;
        QUrlQuery query;
        QByteArray body;
        QList<QPair<QByteArray, QByteArray>> headers;
        bool repeatable = true;
        int attempt = 0;
        QPointer<QObject> context;
        std::function<void(Result<QByteArray>)> done;
    };
    void send(Call call);
    /// A call that is never repeated, its 2xx answer decoded by `decode`.
    template <typename T>
    void sendOnce(const QByteArray &method, const QString &path, const QJsonObject &body,
                  QObject *context, std::function<Result<T>(const QByteArray &)> decode,
                  Callback<T> done);
    /// A POST answered with one object: repeated (on a dropped connection) only under an
    /// Idempotency-Key, with which the market answers a repeat as it answered the first.
    template <typename T>
    void postKeyed(const QString &path, const QJsonObject &body, const QString &idempotencyKey,
                   QObject *context, Result<T> (*decode)(const QJsonObject &), Callback<T> done);
    /// stop, start, destroy: a retryable call answered with the instance.
    void sendInstanceCall(const QByteArray &method, const QString &path, QObject *context,
                          Callback<Instance> done, const QByteArray &body = {});
    void onFinished(QNetworkReply *reply, Call call);
    /// The Error in a market error body, or a generic one for the status.
    static Error errorFromReply(int status, const QByteArray &body);
    void setReachable(bool reachable);

    template <typename T>
    void getJson(const QString &path, const QUrlQuery &query, QObject *context,
                 std::function<Result<T>(const QByteArray &)> decode, Callback<T> done);

    QNetworkAccessManager *m_network;
    QUrl m_baseUrl;
    QByteArray m_token;
    int m_timeoutMs = 15000;
    int m_retries = 2;
    int m_retryDelayMs = 500;
    bool m_reachable = true;
};

} // namespace suanli::client
