#pragma once

#include <QByteArray>
#include <QString>

namespace suanli::host {

/// A minimal ustar archive in memory: how the agent hands files to a container through
/// `podman cp - CONTAINER:/` (stdin), so nothing on the host is ever mounted into it.
class TarWriter
{
public:
    void addDirectory(const QString &path, int mode = 0755);
    void addFile(const QString &path, const QByteArray &content, int mode = 0644);
    /// The archive with its two closing zero blocks.
    QByteArray finish() const;

private:
    void addEntry(const QString &path, const QByteArray &content, int mode, char type);
    QByteArray m_data;
};

} // namespace suanli::host
