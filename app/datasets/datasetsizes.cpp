#include "datasetsizes.h"

#include "sync/localtree.h"

#include <QCoreApplication>
#include <QDir>
#include <QPointer>
#include <QThreadPool>

namespace suanli::datasets {

DatasetSizes::DatasetSizes(QObject *parent)
    : QObject(parent)
{
}

void DatasetSizes::scan(const QStringList &folders)
{
    QStringList unique;
    for (const QString &folder : folders) {
        const QString clean = QDir::cleanPath(folder);
        if (!clean.isEmpty() && !unique.contains(clean))
            unique.append(clean);
    }
    const quint64 generation = ++m_generation;
    m_scanning = true;
    QPointer<DatasetSizes> self(this);
    // The global pool, not one of ours: a scan of a huge tree must not hold up quitting,
    // and the answer finds its way back only while this object lives.
    QThreadPool::globalInstance()->start([self, generation, unique] {
        qint64 bytes = 0;
        int counted = 0;
        for (const QString &folder : unique) {
            sync::IgnoreRules rules = sync::IgnoreRules::withDefaults();
            QList<sync::Issue> issues; // an unreadable subfolder just adds nothing
            const auto listing = sync::scanLocalTree(folder, rules, &issues);
            if (!listing)
                continue; // a folder that is gone or unreadable adds nothing
            ++counted;
            for (const sync::Entry &entry : listing->entries) {
                if (entry.type == sync::EntryType::File)
                    bytes += entry.size;
            }
        }
        QMetaObject::invokeMethod(QCoreApplication::instance(), [self, generation, bytes, counted] {
            if (self)
                self->finish(generation, bytes, counted);
        }, Qt::QueuedConnection);
    });
}

void DatasetSizes::finish(quint64 generation, qint64 bytes, int folders)
{
    if (generation != m_generation)
        return;
    m_scanning = false;
    m_bytes = bytes;
    m_folders = folders;
    emit changed();
}

} // namespace suanli::datasets
