#include "blockingsession.h"

#include "hostkey.h"
#include "jumpconnector.h"
#include "libssh2support.h"
#include "socketio.h"
#include "sshkey.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QHostInfo>

#include <cerrno>
#include <cstring>
#include <poll.h>
#include <sys/socket.h>
#include <utility>

namespace suanli::ssh {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("suanli::ssh::BlockingSession", text);
}

} // namespace

QByteArray shellQuote(const QByteArray &text)
{
    QByteArray quoted = "'";
    for (const char c : text) {
        if (c == '\'')
            quoted += "'\\''";
        else
            quoted += c;
    }
    quoted += '\'';
    return quoted;
}

BlockingSession::BlockingSession() = default;

BlockingSession::~BlockingSession()
{
    close();
}

Result<void> BlockingSession::connect(const Endpoint &endpoint, const Identity &identity,
                                      const SessionOptions &options,
                                      std::chrono::milliseconds ioTimeout)
{
    close();
    m_endpoint = endpoint;
    m_aborted = false;
    ensureLibssh2Initialised();
    auto pinned = HostKey::fromOpenSshLine(endpoint.hostKey);
    if (!pinned)
        return pinned.error();
    // With a passphrase this checks it here, so a wrong one is "ssh_key_passphrase" rather
    // than a refusal by the server.
    auto key = loadKeyPair(identity.privateKeyPath, identity.passphrase);
    if (!key)
        return key.error();
    if (key->encrypted && identity.passphrase.isEmpty()) {
        return makeError(QStringLiteral("ssh_key_passphrase"),
                         tr("The SSH key %1 is protected by a passphrase, and none was given.")
                             .arg(identity.privateKeyPath));
    }

    if (endpoint.jump) {
        m_jump = std::make_unique<JumpConnector>(endpoint, identity, options);
        auto fd = m_jump->start();
        if (!fd) {
            m_jump.reset();
            return fd.error();
        }
        m_fd = *fd;
    } else if (auto connected = connectDirect(endpoint, options); !connected) {
        return connected.error();
    }

    m_session = libssh2_session_init_ex(nullptr, nullptr, nullptr, nullptr);
    if (!m_session) {
        close();
        return makeError(QStringLiteral("ssh_error"), tr("libssh2 could not start a session."));
    }
    setMethodPreferences(m_session, pinned->type().constData());
    // Blocking mode over a non-blocking socket: libssh2 waits in poll() with this timeout.
    libssh2_session_set_blocking(m_session, 1);
    libssh2_session_set_timeout(m_session, long(ioTimeout.count()));
    if (libssh2_session_handshake(m_session, libssh2_socket_t(m_fd.load())) != 0) {
        Error error = lastError(QStringLiteral("handshake_failed"), tr("The SSH handshake failed"));
        close();
        return error;
    }
    size_t length = 0;
    int type = 0;
    const char *raw = libssh2_session_hostkey(m_session, &length, &type);
    const auto presented = HostKey::fromBlob(QByteArray(raw, raw ? qsizetype(length) : 0));
    if (!presented || !(*presented == *pinned)) {
        close();
        return makeError(
            QStringLiteral("host_key_mismatch"),
            tr("Security warning: the server at %1:%2 identified itself with host key %3, but "
               "the market recorded %4 for this instance. Nothing was sent.")
                .arg(endpoint.host)
                .arg(endpoint.port)
                .arg(presented ? presented->fingerprint() : tr("(none)"), pinned->fingerprint()));
    }
    const QByteArray user = endpoint.user.toUtf8();
    const QByteArray publicKey = key->publicKeyLine.toUtf8();
    const int rc = libssh2_userauth_publickey_frommemory(
        m_session, user.constData(), size_t(user.size()), publicKey.constData(),
        size_t(publicKey.size()), key->privateKey.constData(), size_t(key->privateKey.size()),
        identity.passphrase.isEmpty() ? nullptr : identity.passphrase.constData());
    if (rc != 0) {
        Error error =
            lastError(QStringLiteral("auth_failed"),
                      tr("The instance refused our SSH key for user %1").arg(endpoint.user));
        close();
        return error;
    }
    return {};
}

Result<void> BlockingSession::connectDirect(const Endpoint &endpoint, const SessionOptions &options)
{
    QHostAddress address;
    if (!address.setAddress(endpoint.host)) {
        const QHostInfo info = QHostInfo::fromName(endpoint.host);
        if (info.error() != QHostInfo::NoError || info.addresses().isEmpty()) {
            return makeError(QStringLiteral("dns_failed"),
                             tr("Could not find %1: %2").arg(endpoint.host, info.errorString()));
        }
        address = info.addresses().constFirst();
    }
    const auto connectFailed = [&](const QString &why) {
        return makeError(
            QStringLiteral("connect_failed"),
            tr("Could not connect to %1:%2: %3").arg(endpoint.host).arg(endpoint.port).arg(why));
    };
    // startConnect sets TCP_NODELAY before anything is sent.
    auto fd = socketio::startConnect(address, endpoint.port);
    if (!fd)
        return connectFailed(fd.error().message);
    m_fd = *fd;
    pollfd waitFor{*fd, POLLOUT, 0};
    const int ready = ::poll(&waitFor, 1, int(options.connectTimeout.count()));
    if (ready <= 0) {
        close();
        return makeError(QStringLiteral("connect_timeout"),
                         tr("%1:%2 did not answer within %3 s.")
                             .arg(endpoint.host)
                             .arg(endpoint.port)
                             .arg(options.connectTimeout.count() / 1000.0));
    }
    if (const int error = socketio::connectResult(*fd); error != 0) {
        close();
        return connectFailed(QString::fromLocal8Bit(strerror(error)));
    }

    return {};
}

Result<LIBSSH2_SFTP *> BlockingSession::sftp()
{
    if (m_sftp)
        return m_sftp;
    if (!m_session)
        return makeError(QStringLiteral("connection_lost"), tr("Not connected."));
    m_sftp = libssh2_sftp_init(m_session);
    if (!m_sftp)
        return lastError(QStringLiteral("sftp_unavailable"), tr("The server does not offer SFTP"));
    return m_sftp;
}

Result<ExecResult> BlockingSession::exec(const QByteArray &command, const QByteArray &input)
{
    auto started = startExec(command);
    if (!started)
        return started.error();
    return started->finish(input);
}

Result<PendingExec> BlockingSession::startExec(const QByteArray &command)
{
    if (!m_session)
        return makeError(QStringLiteral("connection_lost"), tr("Not connected."));
    LIBSSH2_CHANNEL *channel = libssh2_channel_open_session(m_session);
    if (!channel)
        return lastError(QStringLiteral("exec_failed"), tr("Could not open a channel"));
    if (libssh2_channel_exec(channel, command.constData()) != 0) {
        Error error =
            lastError(QStringLiteral("exec_failed"), tr("The server refused to run a command"));
        libssh2_channel_free(channel);
        return error;
    }
    return PendingExec(this, channel);
}

PendingExec::PendingExec(PendingExec &&other) noexcept
    : m_session(std::exchange(other.m_session, nullptr))
    , m_channel(std::exchange(other.m_channel, nullptr))
    , m_out(std::move(other.m_out))
{}

PendingExec &PendingExec::operator=(PendingExec &&other) noexcept
{
    if (this != &other) {
        drop();
        m_session = std::exchange(other.m_session, nullptr);
        m_channel = std::exchange(other.m_channel, nullptr);
        m_out = std::move(other.m_out);
    }
    return *this;
}

PendingExec::~PendingExec()
{
    drop();
}

void PendingExec::drop()
{
    if (!m_channel)
        return;
    if (m_session->isConnected())
        libssh2_channel_close(m_channel);
    libssh2_channel_free(m_channel);
    m_channel = nullptr;
}

Result<void> PendingExec::write(const char *data, qsizetype size)
{
    if (!m_channel)
        return makeError(QStringLiteral("exec_failed"),
                         QCoreApplication::translate("suanli::ssh::BlockingSession",
                                                     "The command is not running."));
    while (size > 0) {
        const ssize_t n = libssh2_channel_write(m_channel, data, size_t(size));
        if (n < 0)
            return m_session->lastError(
                QStringLiteral("exec_failed"),
                QCoreApplication::translate("suanli::ssh::BlockingSession",
                                            "Could not send input to a command"));
        data += n;
        size -= n;
    }
    return {};
}

qint64 PendingExec::writableNow() const
{
    return m_channel ? qint64(libssh2_channel_window_write(m_channel)) : 0;
}

Result<ssize_t> PendingExec::readSome(bool wait)
{
    LIBSSH2_SESSION *session = m_session->session();
    if (!wait)
        libssh2_session_set_blocking(session, 0);
    char buffer[4096];
    const ssize_t n = libssh2_channel_read(m_channel, buffer, sizeof buffer);
    if (!wait)
        libssh2_session_set_blocking(session, 1);
    if (n == LIBSSH2_ERROR_EAGAIN && !wait)
        return n;
    if (n < 0)
        return m_session->lastError(
            QStringLiteral("exec_failed"),
            QCoreApplication::translate("suanli::ssh::BlockingSession",
                                        "Could not read a command's output"));
    m_out.append(buffer, n);
    return n;
}

Result<QByteArray> PendingExec::readLine(bool *atEnd)
{
    for (;;) {
        auto line = tryReadLine(atEnd);
        if (!line)
            return line.error();
        if (line->has_value())
            return std::move(**line);
        if (auto read = readSome(true); !read)
            return read.error();
    }
}

Result<std::optional<QByteArray>> PendingExec::tryReadLine(bool *atEnd)
{
    *atEnd = false;
    if (!m_channel)
        return makeError(QStringLiteral("exec_failed"),
                         QCoreApplication::translate("suanli::ssh::BlockingSession",
                                                     "The command is not running."));
    for (;;) {
        if (const qsizetype newline = m_out.indexOf('\n'); newline >= 0) {
            QByteArray line = m_out.left(newline);
            m_out.remove(0, newline + 1);
            return std::optional<QByteArray>(std::move(line));
        }
        auto read = readSome(false);
        if (!read)
            return read.error();
        if (*read == LIBSSH2_ERROR_EAGAIN)
            return std::optional<QByteArray>();
        if (*read == 0) {
            *atEnd = true;
            return std::optional<QByteArray>(std::exchange(m_out, QByteArray()));
        }
    }
}

Result<ExecResult> PendingExec::finish(const QByteArray &input)
{
    return m_session->finishExec(std::exchange(m_channel, nullptr), input,
                                 std::exchange(m_out, QByteArray()));
}

Result<ExecResult> BlockingSession::finishExec(LIBSSH2_CHANNEL *channel, const QByteArray &input,
                                               QByteArray outSoFar)
{
    if (!channel)
        return makeError(QStringLiteral("exec_failed"), tr("The command is not running."));
    const auto fail = [&](const QString &what) {
        Error error = lastError(QStringLiteral("exec_failed"), what);
        libssh2_channel_free(channel);
        return error;
    };
    qsizetype written = 0;
    while (written < input.size()) {
        const ssize_t n = libssh2_channel_write(channel, input.constData() + written,
                                                size_t(input.size() - written));
        if (n < 0)
            return fail(tr("Could not send input to a command"));
        written += n;
    }
    libssh2_channel_send_eof(channel);
    ExecResult result;
    result.out = std::move(outSoFar);
    char buffer[64 * 1024];
    for (;;) {
        const ssize_t n = libssh2_channel_read(channel, buffer, sizeof buffer);
        if (n < 0)
            return fail(tr("Could not read a command's output"));
        if (n == 0)
            break;
        result.out.append(buffer, n);
    }
    for (;;) {
        const ssize_t n = libssh2_channel_read_stderr(channel, buffer, sizeof buffer);
        if (n <= 0)
            break;
        result.err.append(buffer, n);
    }
    libssh2_channel_close(channel);
    libssh2_channel_wait_closed(channel);
    result.exitStatus = libssh2_channel_get_exit_status(channel);
    libssh2_channel_free(channel);
    return result;
}

void BlockingSession::abort()
{
    m_aborted = true;
    const int fd = m_fd.load();
    if (fd >= 0)
        ::shutdown(fd, SHUT_RDWR);
}

void BlockingSession::close()
{
    if (m_sftp) {
        if (!m_aborted)
            libssh2_sftp_shutdown(m_sftp);
        m_sftp = nullptr;
    }
    if (m_session) {
        if (!m_aborted) {
            // A quick goodbye: a dead link must not hold the thread for the full I/O timeout.
            libssh2_session_set_timeout(m_session, 2000);
            libssh2_session_disconnect(m_session, "done");
        }
        libssh2_session_free(m_session);
        m_session = nullptr;
    }
    const int fd = m_fd.exchange(-1);
    if (fd >= 0)
        socketio::closeSocket(fd);
    m_jump.reset(); // our end is closed: its thread ends at once
}

unsigned long BlockingSession::lastSftpError() const
{
    return m_sftp ? libssh2_sftp_last_error(m_sftp) : 0;
}

Error BlockingSession::lastError(const QString &code, const QString &what) const
{
    // The relay hop records its failure before it closes our socket (jumpconnector.h).
    if (m_jump) {
        if (auto relay = m_jump->failure())
            return relay->error;
    }
    const int errorCode = m_session ? libssh2_session_last_errno(m_session) : 0;
    switch (errorCode) {
    case LIBSSH2_ERROR_SOCKET_SEND:
    case LIBSSH2_ERROR_SOCKET_RECV:
    case LIBSSH2_ERROR_SOCKET_DISCONNECT:
    case LIBSSH2_ERROR_SOCKET_TIMEOUT:
    case LIBSSH2_ERROR_TIMEOUT:
    case LIBSSH2_ERROR_BAD_SOCKET:
        return makeError(QStringLiteral("connection_lost"),
                         tr("The connection to %1:%2 was lost (%3). Sync again to resume.")
                             .arg(m_endpoint.host)
                             .arg(m_endpoint.port)
                             .arg(libssh2LastError(m_session)));
    default:
        break;
    }
    if (m_aborted)
        return makeError(
            QStringLiteral("connection_lost"),
            tr("The connection to %1:%2 was closed.").arg(m_endpoint.host).arg(m_endpoint.port));
    return makeError(code, what + QStringLiteral(": ") + libssh2LastError(m_session));
}

} // namespace suanli::ssh
