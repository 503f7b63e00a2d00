#pragma once

#include "datasetpair.h"

#include <QList>

class QSettings;

namespace suanli::datasets {

/// The typed wrapper around the settings that hold the pairs (group "datasets"); no other
/// code knows the keys. The QSettings is passed in (the app's, or a temporary one in tests).
class DatasetPairStore
{
public:
    explicit DatasetPairStore(QSettings &settings)
        : m_settings(settings)
    {
    }

    QList<DatasetPair> load() const;
    void save(const QList<DatasetPair> &pairs);

private:
    QSettings &m_settings;
};

} // namespace suanli::datasets
