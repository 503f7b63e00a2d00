#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QObject>
#include <QQueue>
#include <QTcpSocket>
#include <QTimer>

#include <functional>

namespace suanli::bench {

/// One HTTP/1.1 keep-alive connection to the market, requests one at a time (no pipelining),
/// as a browser-like client or a load generator's virtual user does it. QNetworkAccessManager
/// is not used because it caps a host at six connections and adds its own queueing, which
/// would be measured instead of the market.
class HttpConnection : public QObject
{
    Q_OBJECT
public:
    struct Reply
    {
        int status = 0; ///< 0 on a transport failure
        QByteArray body;
        qint64 latencyNs =
            0; ///< from the request being written (or connect started) to the last byte
        QString transportError; ///< empty when a response arrived
    };
    using Handler = std::function<void(const Reply &)>;

    HttpConnection(QString host, quint16 port, QByteArray bearerToken, QObject *parent = nullptr);
    ~HttpConnection() override;

    /// Queues a request. `target` is the path and query, already percent-encoded.
    void send(const QByteArray &method, const QByteArray &target, const QByteArray &body,
              Handler handler);
    /// Requests waiting or in flight.
    qsizetype pending() const { return m_queue.size(); }
    /// A request with no complete response after this long fails and the connection is reset.
    void setTimeoutMs(int ms) { m_timeout.setInterval(ms); }
    /// TCP connections opened so far (1 when keep-alive held throughout).
    int connectsMade() const { return m_connects; }

private:
    struct Request
    {
        QByteArray method;
        QByteArray target;
        QByteArray body;
        Handler handler;
    };
    enum class Parse
    {
        Incomplete,
        Done,
        Invalid
    };

    void startNext();
    void write();
    void onReadyRead();
    void onDisconnected();
    void complete(Reply reply);
    void fail(const QString &why);
    Parse parse(Reply &reply, bool atEof);

    QTcpSocket m_socket;
    QString m_host;
    quint16 m_port = 0;
    QByteArray m_authorization;
    QQueue<Request> m_queue;
    bool m_inFlight = false;
    bool m_closeAfter = false;
    QElapsedTimer m_clock;
    QByteArray m_in;
    QTimer m_timeout;
    int m_connects = 0;
};

} // namespace suanli::bench
