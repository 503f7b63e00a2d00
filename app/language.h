#pragma once

#include <QLocale>
#include <QString>

class QCoreApplication;

namespace suanli::app {

/// The app's languages: "en", "zh_Hans", "zh_Hant".
/// `setting` wins when set; otherwise the system locale decides: Chinese in Simplified script
/// or zh_CN/zh_SG → zh_Hans, zh_TW/zh_HK/zh_MO or Traditional script → zh_Hant, else en.
QString resolveLanguage(const QString &setting, const QLocale &system = QLocale::system());

/// The locale numbers, dates and money are formatted in for `language`: the system locale when
/// it speaks that language, otherwise the language's main locale.
QLocale localeFor(const QString &language, const QLocale &system = QLocale::system());

/// Installs the app's and Qt's translators for `language` and makes its locale the default.
/// Returns false when the app's catalogue is missing (the UI then shows English).
bool installLanguage(QCoreApplication *app, const QString &language);

} // namespace suanli::app
