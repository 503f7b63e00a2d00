#include "httpconnection.h"

using namespace Qt::StringLiterals;

namespace suanli::bench {

HttpConnection::HttpConnection(QString host, quint16 port, QByteArray bearerToken, QObject *parent)
    : QObject(parent)
    , m_socket(this)
    , m_host(std::move(host))
    , m_port(port)
    , m_authorization("Bearer " + bearerToken)
    , m_timeout(this)
{
    m_socket.setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_timeout.setSingleShot(true);
    m_timeout.setInterval(10'000);
    connect(&m_timeout, &QTimer::timeout, this, [this] { fail(u"timeout"_s); });
    connect(&m_socket, &QTcpSocket::connected, this, &HttpConnection::write);
    connect(&m_socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
    connect(&m_socket, &QTcpSocket::disconnected, this, &HttpConnection::onDisconnected);
    connect(&m_socket, &QTcpSocket::errorOccurred, this,
            [this](QAbstractSocket::SocketError error) {
                // The peer closing an idle keep-alive connection is not a failed request.
                if (error == QAbstractSocket::RemoteHostClosedError && !m_inFlight)
                    return;
                if (m_inFlight)
                    fail(m_socket.errorString());
            });
}

HttpConnection::~HttpConnection()
{
    // The socket is destroyed after the other members and says "disconnected" as it goes:
    // nobody may listen by then. Requests still queued are dropped unanswered.
    m_socket.disconnect(this);
    m_socket.abort();
}

void HttpConnection::send(const QByteArray &method, const QByteArray &target,
                          const QByteArray &body, Handler handler)
{
    m_queue.enqueue({method, target, body, std::move(handler)});
    if (!m_inFlight)
        startNext();
}

void HttpConnection::startNext()
{
    if (m_queue.isEmpty() || m_inFlight)
        return;
    m_inFlight = true;
    m_in.clear();
    m_clock.start();
    m_timeout.start();
    if (m_socket.state() == QAbstractSocket::ConnectedState) {
        write();
    } else if (m_socket.state() == QAbstractSocket::UnconnectedState) {
        ++m_connects;
        m_socket.connectToHost(m_host, m_port);
    }
    // Otherwise a connect is under way; `connected` writes the request.
}

void HttpConnection::write()
{
    if (!m_inFlight || m_queue.isEmpty())
        return;
    const Request &r = m_queue.head();
    QByteArray head;
    head.reserve(256 + r.target.size());
    head += r.method + ' ' + r.target + " HTTP/1.1\r\nHost: " + m_host.toLatin1() + ':' +
            QByteArray::number(m_port) + "\r\nAuthorization: " + m_authorization +
            "\r\nAccept: application/json\r\nConnection: keep-alive\r\n";
    if (!r.body.isEmpty() || r.method == "POST" || r.method == "PATCH")
        head += "Content-Type: application/json\r\nContent-Length: " +
                QByteArray::number(r.body.size()) + "\r\n";
    head += "\r\n";
    m_socket.write(head + r.body);
}

void HttpConnection::onReadyRead()
{
    m_in += m_socket.readAll();
    if (!m_inFlight) {
        m_in.clear(); // bytes nobody asked for
        return;
    }
    Reply reply;
    switch (parse(reply, false)) {
    case Parse::Incomplete:
        return;
    case Parse::Invalid:
        fail(u"malformed HTTP response"_s);
        return;
    case Parse::Done:
        complete(std::move(reply));
        return;
    }
}

void HttpConnection::onDisconnected()
{
    if (!m_inFlight)
        return;
    Reply reply;
    if (parse(reply, true) == Parse::Done)
        complete(std::move(reply));
    else
        fail(u"connection closed before the response was complete"_s);
}

HttpConnection::Parse HttpConnection::parse(Reply &reply, bool atEof)
{
    const qsizetype headerEnd = m_in.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return Parse::Incomplete;
    const QList<QByteArray> lines = m_in.left(headerEnd).split('\n');
    const QList<QByteArray> status = lines.first().trimmed().split(' ');
    if (status.size() < 2 || !status[0].startsWith("HTTP/1."))
        return Parse::Invalid;
    reply.status = status[1].toInt();
    qint64 length = -1;
    bool chunked = false;
    m_closeAfter = status[0] == "HTTP/1.0";
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines[i];
        const qsizetype colon = line.indexOf(':');
        if (colon < 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length")
            length = value.toLongLong();
        else if (name == "transfer-encoding")
            chunked = value.toLower().contains("chunked");
        else if (name == "connection")
            m_closeAfter = value.toLower() == "close";
    }
    const qsizetype bodyStart = headerEnd + 4;
    if (chunked) {
        QByteArray body;
        qsizetype pos = bodyStart;
        while (true) {
            const qsizetype eol = m_in.indexOf("\r\n", pos);
            if (eol < 0)
                return Parse::Incomplete;
            bool ok = false;
            const qint64 size =
                m_in.mid(pos, eol - pos).split(';').first().trimmed().toLongLong(&ok, 16);
            if (!ok || size < 0)
                return Parse::Invalid;
            if (size == 0) {
                if (m_in.indexOf("\r\n\r\n", eol) < 0 && m_in.size() < eol + 4)
                    return Parse::Incomplete;
                reply.body = body;
                return Parse::Done;
            }
            if (m_in.size() < eol + 2 + size + 2)
                return Parse::Incomplete;
            body += m_in.mid(eol + 2, size);
            pos = eol + 2 + size + 2;
        }
    }
    if (length >= 0) {
        if (m_in.size() - bodyStart < length)
            return Parse::Incomplete;
        reply.body = m_in.mid(bodyStart, length);
        return Parse::Done;
    }
    if (reply.status == 204 || reply.status == 304 || reply.status / 100 == 1) {
        return Parse::Done;
    }
    // No length: the body runs to the end of the connection.
    if (!atEof)
        return Parse::Incomplete;
    m_closeAfter = true;
    reply.body = m_in.mid(bodyStart);
    return Parse::Done;
}

void HttpConnection::complete(Reply reply)
{
    m_timeout.stop();
    reply.latencyNs = m_clock.nsecsElapsed();
    Request request = m_queue.dequeue();
    m_inFlight = false;
    m_in.clear();
    if (m_closeAfter && m_socket.state() != QAbstractSocket::UnconnectedState)
        m_socket.abort();
    request.handler(reply);
    startNext();
}

void HttpConnection::fail(const QString &why)
{
    if (!m_inFlight)
        return;
    m_timeout.stop();
    Reply reply;
    reply.latencyNs = m_clock.nsecsElapsed();
    reply.transportError = why.isEmpty() ? u"transport error"_s : why;
    Request request = m_queue.dequeue();
    m_inFlight = false;
    m_in.clear();
    m_socket.abort(); // a fresh connection for whatever comes next
    request.handler(reply);
    startNext();
}

} // namespace suanli::bench
