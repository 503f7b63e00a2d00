#include "uploadestimatetext.h"

#include "app/datasets/uploadestimate.h"

#include <QCoreApplication>

namespace suanli::ui {

namespace {
QString tr(const char *text, const char *comment = nullptr, int n = -1)
{
    return QCoreApplication::translate("UploadEstimate", text, comment, n);
}
} // namespace

QString roughDuration(qint64 seconds)
{
    if (seconds < 60)
        return tr("%n s", nullptr, int(qMax<qint64>(1, seconds)));
    const qint64 minutes = (seconds + 30) / 60;
    if (minutes < 60)
        return tr("about %n min", nullptr, int(minutes));
    if (minutes < 48 * 60)
        return tr("about %1 h %2 min").arg(minutes / 60).arg(minutes % 60);
    return tr("about %n day(s)", nullptr, int((minutes + 12 * 60) / (24 * 60)));
}

QString uploadEstimateText(qint64 bytes, int folders, int inetUpMbps, const QLocale &locale)
{
    if (bytes < 0 || folders <= 0)
        return {};
    const QString size = locale.formattedDataSize(bytes, 1, QLocale::DataSizeSIFormat);
    const qint64 seconds = datasets::estimateUploadSeconds(bytes, inetUpMbps);
    if (seconds < 0)
        return tr("Your datasets hold %1; this host does not report its upload speed.").arg(size);
    const QString speed = locale.toString(inetUpMbps);
    if (folders == 1)
        return tr("Uploading your %1 dataset takes %2 at %3 Mbit/s.")
            .arg(size, roughDuration(seconds), speed);
    return tr("Uploading your %n dataset folder(s) (%1) takes %2 at %3 Mbit/s.", nullptr, folders)
        .arg(size, roughDuration(seconds), speed);
}

} // namespace suanli::ui
