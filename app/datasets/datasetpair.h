#pragma once

#include "sync/synctypes.h"

#include <QMetaType>
#include <QString>

namespace suanli::datasets {

/// One line of the Datasets view: a local folder and where it lives on an instance.
struct DatasetPair
{
    QString id;          ///< stable, made when the pair is added
    QString localFolder; ///< absolute
    QString instanceId;  ///< the instance's id in decimal; empty until one is chosen
    QString remotePath = QStringLiteral("/workspace/data");
    bool deleteExtraneous = false;
    /// Which way Sync now copies: the folder to the instance, or back.
    sync::Direction direction = sync::Direction::Upload;

    bool operator==(const DatasetPair &) const = default;
};

} // namespace suanli::datasets

Q_DECLARE_METATYPE(suanli::datasets::DatasetPair)
