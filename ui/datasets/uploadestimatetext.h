#pragma once

#include <QLocale>
#include <QString>

namespace suanli::ui {

/// The pre-rental line for an offer's uplink: "Uploading your 12.4 GB dataset takes about
/// 3 min at 500 Mbit/s." Empty when there is nothing to upload (no folder, or bytes < 0: not
/// counted yet); a note when the offer reports no speed.
QString uploadEstimateText(qint64 bytes, int folders, int inetUpMbps, const QLocale &locale = {});

/// A rough duration for estimates: "12 s", "about 3 min", "about 1 h 20 min".
QString roughDuration(qint64 seconds);

} // namespace suanli::ui
