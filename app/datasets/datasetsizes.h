#pragma once

#include <QObject>
#include <QStringList>

namespace suanli::datasets {

/// How much the configured folders hold, for the pre-rental upload estimate: each folder is
/// listed as an upload would list it (the sync engine's scan, .suanliignore and the default
/// rules applied, links not followed) in a pool thread; the answer comes back as a signal.
/// A folder that two pairs share counts once.
class DatasetSizes : public QObject
{
    Q_OBJECT
public:
    explicit DatasetSizes(QObject *parent = nullptr);

    /// Starts counting these folders; an answer for an earlier call is dropped.
    void scan(const QStringList &folders);
    bool isScanning() const { return m_scanning; }
    /// The last answer: bytes of the files to upload (-1 before any), and how many folders.
    qint64 bytes() const { return m_bytes; }
    int folders() const { return m_folders; }

signals:
    void changed();

private:
    void finish(quint64 generation, qint64 bytes, int folders);

    quint64 m_generation = 0;
    bool m_scanning = false;
    qint64 m_bytes = -1;
    int m_folders = 0;
};

} // namespace suanli::datasets
