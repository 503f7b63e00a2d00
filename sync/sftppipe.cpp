#include "sftppipe.h"

#include <QCoreApplication>
#include <QtEndian>

namespace suanli::sync {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("suanli::sync::SftpPipe", text);
}

/// The receive window of the channel. Replies in flight are bounded well below it by the
/// callers, so the server never blocks on a full window while we block on sending to it.
constexpr unsigned kWindow = 16 * 1024 * 1024;
constexpr qsizetype kFlushAt = 256 * 1024;
constexpr qsizetype kReadBuffer = 256 * 1024;
constexpr quint32 kMaxPacket = 1024 * 1024; ///< larger than any reply OpenSSH sends

} // namespace

quint32 SftpReply::status() const
{
    if (type != sftp::Status)
        return sftp::StatusFailure;
    SftpReader reader(body);
    const quint32 code = reader.u32();
    return reader.ok() ? code : quint32(sftp::StatusFailure);
}

QByteArray SftpReply::handle() const
{
    if (type != sftp::Handle)
        return {};
    SftpReader reader(body);
    QByteArray handle = reader.string();
    return reader.ok() ? handle : QByteArray();
}

quint32 SftpReader::u32()
{
    if (!m_ok || m_position + 4 > m_data.size()) {
        m_ok = false;
        return 0;
    }
    const quint32 value = qFromBigEndian<quint32>(m_data.constData() + m_position);
    m_position += 4;
    return value;
}

quint64 SftpReader::u64()
{
    const quint64 high = u32();
    return (high << 32) | u32();
}

QByteArray SftpReader::string()
{
    const quint32 length = u32();
    if (!m_ok || qint64(length) > m_data.size() - m_position) {
        m_ok = false;
        return {};
    }
    QByteArray value = m_data.mid(m_position, qsizetype(length));
    m_position += qsizetype(length);
    return value;
}

SftpAttributes SftpReader::attributes()
{
    SftpAttributes attrs;
    attrs.flags = u32();
    if (attrs.flags & sftp::AttrSize)
        attrs.size = u64();
    if (attrs.flags & sftp::AttrUidGid) {
        u32();
        u32();
    }
    if (attrs.flags & sftp::AttrPermissions)
        attrs.permissions = u32();
    if (attrs.flags & sftp::AttrTimes) {
        u32(); // atime
        attrs.mtime = u32();
    }
    if (attrs.flags & sftp::AttrExtended) {
        const quint32 count = u32();
        for (quint32 i = 0; i < count && m_ok; ++i) {
            string();
            string();
        }
    }
    return attrs;
}

SftpPipe::~SftpPipe()
{
    if (m_channel) {
        if (m_session.isConnected())
            libssh2_channel_close(m_channel);
        libssh2_channel_free(m_channel);
    }
}

void SftpPipe::putU32(QByteArray &out, quint32 value)
{
    char bytes[4];
    qToBigEndian(value, bytes);
    out.append(bytes, 4);
}

void SftpPipe::putU64(QByteArray &out, quint64 value)
{
    putU32(out, quint32(value >> 32));
    putU32(out, quint32(value));
}

void SftpPipe::putString(QByteArray &out, const QByteArray &value)
{
    putString(out, value.constData(), value.size());
}

void SftpPipe::putString(QByteArray &out, const char *data, qsizetype size)
{
    putU32(out, quint32(size));
    out.append(data, size);
}

Error SftpPipe::linkError(const QString &what) const
{
    return m_session.lastError(QStringLiteral("remote_failed"), what);
}

Result<void> SftpPipe::open()
{
    if (m_channel)
        return {};
    if (!m_session.session())
        return makeError(QStringLiteral("connection_lost"), tr("Not connected."));
    m_channel = libssh2_channel_open_ex(m_session.session(), "session", 7, kWindow,
                                        LIBSSH2_CHANNEL_PACKET_DEFAULT, nullptr, 0);
    if (!m_channel)
        return linkError(tr("Could not open a channel for SFTP"));
    if (libssh2_channel_process_startup(m_channel, "subsystem", 9, "sftp", 4) != 0)
        return m_session.lastError(QStringLiteral("sftp_unavailable"), tr("The server does not offer SFTP"));
    QByteArray init;
    putU32(init, 5);
    init.append(char(sftp::Init));
    putU32(init, 3);
    m_out += init;
    if (auto sent = flush(); !sent)
        return sent.error();
    // VERSION has no request id: read it by hand.
    while (m_in.size() < 4 || m_in.size() < 4 + qsizetype(qFromBigEndian<quint32>(m_in.constData()))) {
        if (auto read = readSome(); !read)
            return read.error();
    }
    const quint32 length = qFromBigEndian<quint32>(m_in.constData());
    if (length < 5 || quint8(m_in.at(4)) != sftp::Version)
        return makeError(QStringLiteral("sftp_unavailable"), tr("The server's SFTP did not answer as SFTP v3."));
    const QByteArray body = m_in.mid(9, qsizetype(length) - 5);
    m_in.remove(0, 4 + qsizetype(length));
    SftpReader reader(body);
    while (reader.ok()) {
        const QByteArray name = reader.string();
        const QByteArray data = reader.string();
        if (reader.ok())
            m_extensions.insert(name, data);
    }
    // OpenSSH's sftp-server takes messages of 256 KiB; its extensions identify it.
    if (hasExtension("posix-rename@openssh.com"))
        m_maxData = 128 * 1024;
    return {};
}

void SftpPipe::request(quint8 type, const QByteArray &payload, Handler onReply)
{
    if (m_failure)
        return;
    const quint32 id = m_nextId++;
    putU32(m_out, quint32(payload.size() + 5));
    m_out.append(char(type));
    putU32(m_out, id);
    m_out += payload;
    m_pending.insert(id, std::move(onReply));
}

Result<void> SftpPipe::flush()
{
    qsizetype written = 0;
    while (written < m_out.size()) {
        const ssize_t n = libssh2_channel_write(m_channel, m_out.constData() + written,
                                                size_t(m_out.size() - written));
        if (n < 0) {
            m_out.clear();
            return linkError(tr("Sending SFTP requests"));
        }
        written += n;
    }
    m_out.clear();
    return {};
}

Result<void> SftpPipe::readSome()
{
    if (m_readBuffer.isEmpty())
        m_readBuffer.resize(kReadBuffer);
    const ssize_t n = libssh2_channel_read(m_channel, m_readBuffer.data(), size_t(m_readBuffer.size()));
    if (n < 0)
        return linkError(tr("Reading SFTP replies"));
    if (n == 0) {
        if (m_session.wasAborted())
            return linkError(tr("Reading SFTP replies"));
        return makeError(QStringLiteral("connection_lost"), tr("The instance's SFTP server closed the channel."));
    }
    m_in.append(m_readBuffer.constData(), n);
    return {};
}

Result<void> SftpPipe::waitUntil(int outstanding)
{
    if (m_failure)
        return *m_failure;
    if (!m_channel)
        return makeError(QStringLiteral("connection_lost"), tr("Not connected."));
    auto result = pump(outstanding);
    if (!result) {
        // The stream is out of step now: the handlers (which hold their callers' locals) are
        // dropped and every later call reports the same error.
        m_failure = result.error();
        m_pending.clear();
        m_out.clear();
        m_in.clear();
    }
    return result;
}

Result<void> SftpPipe::pump(int outstanding)
{
    for (;;) {
        // Requests go out in large writes; a handler's new requests are sent on the next turn.
        if (m_pending.size() <= outstanding) {
            if (m_out.size() >= kFlushAt)
                return flush();
            return {};
        }
        if (!m_out.isEmpty()) {
            if (auto sent = flush(); !sent)
                return sent.error();
        }
        if (auto read = readSome(); !read)
            return read.error();
        qsizetype position = 0;
        while (m_in.size() - position >= 4) {
            const quint32 length = qFromBigEndian<quint32>(m_in.constData() + position);
            if (length < 5 || length > kMaxPacket)
                return makeError(QStringLiteral("remote_failed"), tr("The instance sent a malformed SFTP reply."));
            if (m_in.size() - position < 4 + qsizetype(length))
                break;
            SftpReply reply;
            reply.type = quint8(m_in.at(position + 4));
            const quint32 id = qFromBigEndian<quint32>(m_in.constData() + position + 5);
            reply.body = m_in.mid(position + 9, qsizetype(length) - 5);
            position += 4 + qsizetype(length);
            auto handler = m_pending.find(id);
            if (handler == m_pending.end())
                return makeError(QStringLiteral("remote_failed"), tr("The instance answered an SFTP request that was not made."));
            Handler onReply = std::move(*handler);
            m_pending.erase(handler);
            if (onReply)
                onReply(reply);
        }
        m_in.remove(0, position);
    }
}

} // namespace suanli::sync
