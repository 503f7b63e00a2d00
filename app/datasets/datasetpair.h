#pragma once

#include <QMetaType>
#include <QString>

namespace suanli::datasets {

/// One line of the Datasets view: a local folder and where it lives on an instance.
struct DatasetPair
{
    QString id;          ///< stable, made when the pair is added
    QString localFolder; ///< absolute
    QString instanceId;
    QString remotePath = QStringLiteral("/workspace/data");
    bool deleteExtraneous = false;

    bool operator==(const DatasetPair &) const = default;
};

} // namespace suanli::datasets

Q_DECLARE_METATYPE(suanli::datasets::DatasetPair)
