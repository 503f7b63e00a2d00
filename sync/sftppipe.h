#pragma once

#include "protocol/result.h"

#include "ssh/blockingsession.h"

#include <QByteArray>
#include <QHash>

#include <functional>
#include <optional>

namespace suanli::sync {

/// SFTP v3 packet types and flags this client uses (draft-ietf-secsh-filexfer-02).
namespace sftp {
enum : quint8 {
    Init = 1,
    Version = 2,
    Open = 3,
    Close = 4,
    Write = 6,
    Lstat = 7,
    Setstat = 9,
    Fsetstat = 10,
    Opendir = 11,
    Readdir = 12,
    Remove = 13,
    Mkdir = 14,
    Rename = 18,
    Readlink = 19,
    Status = 101,
    Handle = 102,
    Name = 104,
    Attrs = 105,
    Extended = 200,
};
enum : quint32 {
    OpenWrite = 0x02,
    OpenCreate = 0x08,
    OpenTruncate = 0x10,
    AttrSize = 0x01,
    AttrUidGid = 0x02,
    AttrPermissions = 0x04,
    AttrTimes = 0x08,
    AttrExtended = 0x80000000,
    StatusOk = 0,
    StatusEof = 1,
    StatusNoSuchFile = 2,
    StatusPermissionDenied = 3,
    StatusFailure = 4,
};
} // namespace sftp

struct SftpAttributes
{
    quint32 flags = 0;
    quint64 size = 0;
    quint32 permissions = 0;
    quint32 mtime = 0;
};

/// A reply, after its request id: the packet type and the rest of the body.
struct SftpReply
{
    quint8 type = 0;
    QByteArray body;

    /// SSH_FXP_STATUS's code; StatusFailure for a reply of another type.
    quint32 status() const;
    /// SSH_FXP_HANDLE's handle (empty for another type).
    QByteArray handle() const;
};

/// Reads the fields of a reply body; `ok` turns false on a short or malformed body.
class SftpReader
{
public:
    explicit SftpReader(const QByteArray &body)
        : m_data(body)
    {
    }
    quint32 u32();
    quint64 u64();
    QByteArray string();
    SftpAttributes attributes();
    bool ok() const { return m_ok; }

private:
    const QByteArray &m_data;
    qsizetype m_position = 0;
    bool m_ok = true;
};

/// An SFTP v3 client of our own over a raw channel of a BlockingSession ("subsystem sftp").
/// libssh2 1.10's SFTP API waits for each reply before the next request (bulk read/write
/// excepted), so a small file costs five round trips there; here any number of requests are
/// in flight and a reply's handler may send the next ones (OPEN → WRITE, FSETSTAT, CLOSE).
/// Requests are gathered into one channel write until replies are awaited, so a hundred
/// small requests travel in one SSH packet.
///
/// Same thread as the session, always. Handlers run inside waitUntil(); they may call
/// request() but never waitUntil(). Callers bound what is in flight (waitUntil(n)) so that
/// the replies fit the channel window opened here: the server stops reading requests while
/// its replies are not read, and the window is what keeps that from becoming a deadlock.
class SftpPipe
{
public:
    using Handler = std::function<void(const SftpReply &)>;

    explicit SftpPipe(ssh::BlockingSession &session)
        : m_session(session)
    {
    }
    ~SftpPipe();
    SftpPipe(const SftpPipe &) = delete;
    SftpPipe &operator=(const SftpPipe &) = delete;

    /// Opens the channel, starts the subsystem and exchanges INIT/VERSION.
    Result<void> open();
    bool isOpen() const { return m_channel != nullptr; }
    bool hasExtension(const QByteArray &name) const { return m_extensions.contains(name); }
    /// Largest WRITE/READ payload to use: OpenSSH takes 255 KiB, the draft promises 32 KiB.
    qsizetype maxData() const { return m_maxData; }

    /// Queues a request; onReply runs when its reply arrives.
    void request(quint8 type, const QByteArray &payload, Handler onReply);
    /// Sends what is queued and handles replies until at most `outstanding` are awaited.
    Result<void> waitUntil(int outstanding);
    int outstanding() const { return int(m_pending.size()); }

    /// An error for a failed channel call ("connection_lost" when the link is gone).
    Error linkError(const QString &what) const;

    // Payload builders.
    static void putU32(QByteArray &out, quint32 value);
    static void putU64(QByteArray &out, quint64 value);
    static void putString(QByteArray &out, const QByteArray &value);
    static void putString(QByteArray &out, const char *data, qsizetype size);

private:
    Result<void> pump(int outstanding);
    Result<void> flush();
    Result<void> readSome();

    ssh::BlockingSession &m_session;
    LIBSSH2_CHANNEL *m_channel = nullptr;
    quint32 m_nextId = 1;
    QHash<quint32, Handler> m_pending;
    QHash<QByteArray, QByteArray> m_extensions;
    QByteArray m_out;
    QByteArray m_in;
    QByteArray m_readBuffer;
    qsizetype m_maxData = 32768;
    std::optional<Error> m_failure;
};

} // namespace suanli::sync
