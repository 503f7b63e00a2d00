#pragma once

#include "server/market.h"
#include "support/manualclock.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QWebSocket>

#include <memory>

namespace suanli::testing {

/// A real market on 127.0.0.1 with a manual clock, over SQLite (a temp file) or the
/// PostgreSQL of the ctest fixture (SUANLI_PG_URL_FILE), emptied for each harness.
class MarketHarness
{
public:
    /// Backend from SUANLI_TEST_BACKEND ("sqlite" default, or "postgres").
    static QString backend();
    explicit MarketHarness(server::MarketPolicy policy = {});
    ~MarketHarness();

    bool ok() const { return m_market != nullptr; }
    QString error() const { return m_error; }
    server::Market &market() { return *m_market; }
    server::Store &store() { return m_market->store(); }
    test::ManualClock &clock() { return m_clock; }
    QString baseUrl() const { return m_baseUrl; }
    QString databaseUrl() const { return m_dbUrl; }

    /// Opens another market process's worth of state on the same database (PostgreSQL).
    std::unique_ptr<server::Market> startSecondMarket(QString *baseUrl);
    /// Closes and reopens the market on the same database, as after `kill -9` and restart.
    void restart();
    /// Closes the market (its port and every socket), as when its process dies; market() is
    /// invalid until restartOnSamePort().
    void shutdown() { m_market.reset(); }
    /// Opens the market again on the same database and the same port, so agents reconnect to
    /// the URL they know. False when the port cannot be bound again.
    bool restartOnSamePort();

    struct Account
    {
        qint64 id = 0;
        QByteArray token;
        qint64 tokenId = 0;
    };
    Account createAccount(const QString &name, const QStringList &roles, Micro topup = 0);

    struct Reply
    {
        int status = 0;
        QByteArray body;
        QJsonObject json;
        QString errorCode() const { return json.value(QStringLiteral("error")).toObject()
                                               .value(QStringLiteral("code")).toString(); }
    };
    Reply request(const QByteArray &method, const QString &path, const QByteArray &token,
                  const QByteArray &body = {}, const QList<QPair<QByteArray, QByteArray>> &headers = {});
    Reply get(const QString &path, const QByteArray &token) { return request("GET", path, token); }
    Reply post(const QString &path, const QByteArray &token, const QJsonObject &body)
    {
        return request("POST", path, token, QJsonDocument(body).toJson(QJsonDocument::Compact));
    }

    QNetworkAccessManager &network() { return m_network; }

private:
    void startMarket(quint16 port = 0);

    server::MarketPolicy m_policy;
    test::ManualClock m_clock;
    QTemporaryDir m_dir;
    QString m_dbUrl;
    QString m_baseUrl;
    QString m_error;
    std::unique_ptr<server::Market> m_market;
    QNetworkAccessManager m_network;
    int m_connections = 0;
};

/// A scripted host agent on the real agent channel: sends what the test says, records what
/// the market sends.
class ScriptedAgent : public QObject
{
    Q_OBJECT
public:
    ScriptedAgent(const QString &baseUrl, const QByteArray &hostToken);
    /// Connects and says hello with `gpus` of `model`; `images` replaces the one image it
    /// offers otherwise (localhost/suanli/base:bookworm, "Debian bookworm", with Jupyter).
    bool connectAndHello(int gpus, const QString &model = QStringLiteral("RTX 3090"),
                         qint64 memoryMb = 24576, const QJsonArray &images = {});
    /// Fields added to the hello's spec (e.g. share_cpu_cores), before connectAndHello.
    void setSpecExtra(const QJsonObject &extra) { m_specExtra = extra; }
    void send(const QJsonObject &message);
    /// Waits for the next message of `type` not yet taken; returns it (empty on timeout).
    QJsonObject take(const QString &type, int timeoutMs = 5000);
    /// Waits until the market has read every message sent so far (false on timeout).
    bool sync(int timeoutMs = 5000);
    /// instance_state report with the next seq for that instance.
    void report(qint64 instanceId, const QString &state, const QString &reason = {},
                const QString &commandId = {});
    qint64 nextSeq(qint64 instanceId) { return ++m_seq[instanceId]; }
    /// As a real agent's journal would after a restart.
    void setSeq(qint64 instanceId, qint64 seq) { m_seq[instanceId] = seq; }
    /// Acknowledge every command on receipt, as a real agent does (on by default).
    bool autoAck = true;
    QWebSocket &socket() { return m_socket; }
    QList<QJsonObject> received;

private:
    QJsonObject m_specExtra;
    QString m_url;
    QByteArray m_token;
    QWebSocket m_socket;
    QHash<qint64, qint64> m_seq;
};

/// An app's events socket.
class EventListener : public QObject
{
    Q_OBJECT
public:
    EventListener(const QString &baseUrl, const QByteArray &token);
    bool waitConnected();
    QJsonObject take(const QString &type, int timeoutMs = 5000,
                     const std::function<bool(const QJsonObject &)> &match = {});
    QList<QJsonObject> received;
    QWebSocket &socket() { return m_socket; }

private:
    QWebSocket m_socket;
};

/// ed25519 public key line for tests.
QString testPublicKey();

} // namespace suanli::testing
