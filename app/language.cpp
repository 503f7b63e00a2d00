#include "language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QPointer>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace suanli::app {

QString resolveLanguage(const QString &setting, const QLocale &system)
{
    if (setting == "en"_L1 || setting == "zh_Hans"_L1 || setting == "zh_Hant"_L1)
        return setting;
    if (system.language() != QLocale::Chinese)
        return u"en"_s;
    if (system.script() == QLocale::TraditionalHanScript)
        return u"zh_Hant"_s;
    if (system.script() == QLocale::SimplifiedHanScript)
        return u"zh_Hans"_s;
    switch (system.territory()) {
    case QLocale::Taiwan:
    case QLocale::HongKong:
    case QLocale::Macao:
        return u"zh_Hant"_s;
    default:
        return u"zh_Hans"_s;
    }
}

QLocale localeFor(const QString &language, const QLocale &system)
{
    if (resolveLanguage({}, system) == language
        && (language != "en"_L1 || system.language() == QLocale::English))
        return system;
    if (language == "zh_Hans"_L1)
        return QLocale(QLocale::Chinese, QLocale::SimplifiedHanScript, QLocale::China);
    if (language == "zh_Hant"_L1)
        return QLocale(QLocale::Chinese, QLocale::TraditionalHanScript, QLocale::Taiwan);
    return QLocale(QLocale::English, QLocale::UnitedStates);
}

bool installLanguage(QCoreApplication *app, const QString &language)
{
    // A second call (a language switch) replaces what the first installed.
    static QList<QPointer<QTranslator>> installed;
    for (const auto &old : std::as_const(installed)) {
        if (old) {
            QCoreApplication::removeTranslator(old);
            delete old;
        }
    }
    installed.clear();
    const QLocale locale = localeFor(language);
    QLocale::setDefault(locale);
    auto *mine = new QTranslator(app);
    const bool loaded = mine->load(u":/i18n/suanli_%1.qm"_s.arg(language));
    if (loaded) {
        QCoreApplication::installTranslator(mine);
        installed.append(mine);
    } else
        delete mine;
    // Qt's own strings (standard buttons, file dialogs).
    const QString qtName = language == "zh_Hans"_L1 ? u"qtbase_zh_CN"_s
        : language == "zh_Hant"_L1                  ? u"qtbase_zh_TW"_s
                                                     : QString();
    if (!qtName.isEmpty()) {
        auto *qt = new QTranslator(app);
        if (qt->load(qtName, QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
            QCoreApplication::installTranslator(qt);
            installed.append(qt);
        } else
            delete qt;
    }
    return loaded || language == "en"_L1;
}

} // namespace suanli::app
