#include "requestguard.h"

#include <QTcpSocket>
#include <QTimer>

namespace suanli::server {

namespace {

constexpr qint64 kMaxHeaderBytes = 16 * 1024;
constexpr qint64 kSlackBytes = 64 * 1024; // the request line and headers of a chunked body
// After a refusal the rest of the body is read and dropped, so that clients which only read an
// answer once they sent everything (QNetworkAccessManager does) still see the 413; past this
// much, or this long, the connection is closed regardless.
constexpr qint64 kDrainBytes = 16 * 1024 * 1024;
constexpr int kDrainMs = 10'000;

class RequestGuard : public QObject
{
public:
    RequestGuard(QTcpSocket *socket, qint64 maxBody, LargeBody large)
        : QObject(socket)
        , m_socket(socket)
        , m_maxBody(maxBody)
        , m_large(std::move(large))
        , m_limit(maxBody)
    {
        // Connected before the HTTP server's own handlers, so these run first.
        connect(socket, &QIODevice::readyRead, this, &RequestGuard::onReadyRead);
        connect(socket, &QIODevice::bytesWritten, this, &RequestGuard::onAnswered);
    }

private:
    void onReadyRead()
    {
        if (m_rejected) {
            drain();
            return;
        }
        if (m_upgraded)
            return;
        if (!m_headerChecked) {
            const QByteArray head = m_socket->peek(kMaxHeaderBytes);
            const qsizetype end = head.indexOf("\r\n\r\n");
            if (end < 0 && head.size() < kMaxHeaderBytes)
                return; // the header is not complete yet; the server waits for it too
            m_headerChecked = true;
            if (end >= 0) {
                qint64 declared = -1;
                const QList<QByteArray> lines = head.left(end).split('\n');
                // "POST /api/v1/speedtest?x HTTP/1.1": method and path, without the query.
                const QByteArray requestLine = lines[0].trimmed();
                const QByteArray target = requestLine.left(requestLine.lastIndexOf(' '));
                const qsizetype query = target.indexOf('?');
                const bool large = !m_large.request.isEmpty() &&
                                   (query < 0 ? target : target.left(query)) == m_large.request;
                m_limit = large ? m_large.maxBody : m_maxBody;
                for (qsizetype i = 1; i < lines.size(); ++i) {
                    const QByteArray line = lines[i].trimmed();
                    const qsizetype colon = line.indexOf(':');
                    if (colon <= 0)
                        continue;
                    const QByteArray name = line.left(colon).trimmed().toLower();
                    const QByteArray value = line.mid(colon + 1).trimmed();
                    if (name == "content-length") {
                        bool ok = false;
                        declared = value.toLongLong(&ok);
                        if (!ok)
                            declared = -1;
                        else
                            m_expected = end + 4 + declared;
                    } else if (name == "upgrade" && value.toLower() == "websocket") {
                        m_upgraded = true;
                    }
                }
                if (m_upgraded)
                    return;
                if (declared > m_limit) {
                    reject();
                    return;
                }
            }
        }
        m_unanswered += m_socket->bytesAvailable();
        if (m_unanswered > m_limit + kSlackBytes)
            reject();
    }

    void onAnswered()
    {
        if (m_rejected)
            return;
        // An answer went out: the next bytes start the next request on this connection.
        m_unanswered = 0;
        m_headerChecked = false;
        m_limit = m_maxBody;
    }

    void reject()
    {
        m_rejected = true;
        const QByteArray body =
            R"({"error":{"code":"body_too_large","message":"request bodies are )"
            R"(limited to )" +
            QByteArray::number(m_limit / (1024 * 1024)) + R"( MiB"}})";
        m_socket->write("HTTP/1.1 413 Payload Too Large\r\nContent-Type: application/json\r\n"
                        "Connection: close\r\nContent-Length: "
                        + QByteArray::number(body.size()) + "\r\n\r\n" + body);
        QTimer::singleShot(kDrainMs, this, [this] { m_socket->disconnectFromHost(); });
        drain();
    }

    void drain()
    {
        // Nothing of it reaches the HTTP server: skipped here, before its handler runs.
        m_drained += m_socket->skip(m_socket->bytesAvailable());
        const bool allSent = m_expected >= 0 && m_drained >= m_expected;
        if (allSent || m_drained > kDrainBytes)
            m_socket->disconnectFromHost(); // after the answer is flushed
    }

    QTcpSocket *m_socket;
    qint64 m_maxBody;
    LargeBody m_large;
    qint64 m_limit; ///< of the request being read
    qint64 m_unanswered = 0;
    qint64 m_expected = -1; ///< header plus declared body of the refused request
    qint64 m_drained = 0;
    bool m_headerChecked = false;
    bool m_upgraded = false;
    bool m_rejected = false;
};

} // namespace

void guardRequestSize(QTcpSocket *socket, qint64 maxBody, const LargeBody &large)
{
    new RequestGuard(socket, maxBody, large);
}

QTcpSocket *GuardedTcpServer::nextPendingConnection()
{
    QTcpSocket *socket = QTcpServer::nextPendingConnection();
    if (socket)
        guardRequestSize(socket, m_maxBody, m_large);
    return socket;
}

QTcpSocket *GuardedSslServer::nextPendingConnection()
{
    QTcpSocket *socket = QSslServer::nextPendingConnection();
    if (socket)
        guardRequestSize(socket, m_maxBody, m_large);
    return socket;
}

} // namespace suanli::server
