#include "datasetpairstore.h"

#include <QSettings>

namespace suanli::datasets {

namespace {
const QString kGroup = QStringLiteral("datasets/pairs");
const QString kId = QStringLiteral("id");
const QString kLocal = QStringLiteral("localFolder");
const QString kInstance = QStringLiteral("instanceId");
const QString kRemote = QStringLiteral("remotePath");
const QString kDelete = QStringLiteral("deleteExtraneous");
const QString kDirection = QStringLiteral("direction");
const QString kDownload = QStringLiteral("download");
} // namespace

QList<DatasetPair> DatasetPairStore::load() const
{
    QList<DatasetPair> pairs;
    const int count = m_settings.beginReadArray(kGroup);
    for (int i = 0; i < count; ++i) {
        m_settings.setArrayIndex(i);
        DatasetPair pair;
        pair.id = m_settings.value(kId).toString();
        pair.localFolder = m_settings.value(kLocal).toString();
        pair.instanceId = m_settings.value(kInstance).toString();
        pair.remotePath = m_settings.value(kRemote, pair.remotePath).toString();
        pair.deleteExtraneous = m_settings.value(kDelete, false).toBool();
        pair.direction = m_settings.value(kDirection).toString() == kDownload
                             ? sync::Direction::Download
                             : sync::Direction::Upload;
        if (!pair.id.isEmpty())
            pairs.append(pair);
    }
    m_settings.endArray();
    return pairs;
}

void DatasetPairStore::save(const QList<DatasetPair> &pairs)
{
    m_settings.remove(kGroup);
    m_settings.beginWriteArray(kGroup, int(pairs.size()));
    for (int i = 0; i < pairs.size(); ++i) {
        m_settings.setArrayIndex(i);
        const DatasetPair &pair = pairs.at(i);
        m_settings.setValue(kId, pair.id);
        m_settings.setValue(kLocal, pair.localFolder);
        m_settings.setValue(kInstance, pair.instanceId);
        m_settings.setValue(kRemote, pair.remotePath);
        m_settings.setValue(kDelete, pair.deleteExtraneous);
        m_settings.setValue(kDirection, pair.direction == sync::Direction::Download
                                            ? kDownload
                                            : QStringLiteral("upload"));
    }
    m_settings.endArray();
    m_settings.sync();
}

} // namespace suanli::datasets
