#include "settings.h"

#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace suanli::app {

Settings::Settings(const QString &iniPath)
    : m_settings(iniPath.isEmpty() ? std::make_unique<QSettings>()
                                   : std::make_unique<QSettings>(iniPath, QSettings::IniFormat))
{
}

Settings::Mode Settings::mode() const
{
    const QString mode = m_settings->value(u"market/mode"_s).toString();
    if (mode == "local"_L1)
        return Mode::Local;
    if (mode == "remote"_L1)
        return Mode::Remote;
    return Mode::Unset;
}

void Settings::setMode(Mode mode)
{
    m_settings->setValue(u"market/mode"_s, mode == Mode::Local    ? u"local"_s
                                           : mode == Mode::Remote ? u"remote"_s
                                                                  : QString());
}

QUrl Settings::marketUrl() const
{
    return QUrl(m_settings->value(u"market/url"_s).toString());
}

void Settings::setMarketUrl(const QUrl &url)
{
    m_settings->setValue(u"market/url"_s, url.toString());
}

namespace {
QString tokenIdKey(const QUrl &market)
{
    // One entry per market origin; QSettings keys cannot hold '/' or ':' unescaped.
    const QString origin =
        market.toString(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::StripTrailingSlash);
    return u"keys/"_s +
           QString::fromLatin1(origin.toUtf8().toBase64(QByteArray::Base64UrlEncoding));
}
} // namespace

qint64 Settings::tokenId(const QUrl &market) const
{
    return m_settings->value(tokenIdKey(market), 0).toLongLong();
}

void Settings::setTokenId(const QUrl &market, qint64 id)
{
    if (id > 0)
        m_settings->setValue(tokenIdKey(market), id);
    else
        m_settings->remove(tokenIdKey(market));
}

QString Settings::language() const
{
    return m_settings->value(u"ui/language"_s).toString();
}

void Settings::setLanguage(const QString &language)
{
    m_settings->setValue(u"ui/language"_s, language);
}

QString Settings::defaultDataFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

QString Settings::dataFolder() const
{
    const QString folder = m_settings->value(u"local/data_folder"_s).toString();
    return folder.isEmpty() ? defaultDataFolder() : folder;
}

void Settings::setDataFolder(const QString &folder)
{
    m_settings->setValue(u"local/data_folder"_s, folder == defaultDataFolder() ? QString() : folder);
}

bool Settings::secretFileAllowed() const
{
    return m_settings->value(u"secrets/file_allowed"_s, false).toBool();
}

void Settings::setSecretFileAllowed(bool allowed)
{
    m_settings->setValue(u"secrets/file_allowed"_s, allowed);
}

int Settings::localPort() const
{
    return m_settings->value(u"local/port"_s, 0).toInt();
}

void Settings::setLocalPort(int port)
{
    m_settings->setValue(u"local/port"_s, port);
}

QStringList Settings::notifiedKeys() const
{
    return m_settings->value(u"notifications/shown"_s).toStringList();
}

void Settings::setNotifiedKeys(const QStringList &keys)
{
    m_settings->setValue(u"notifications/shown"_s, keys);
}

QByteArray Settings::windowGeometry() const
{
    return m_settings->value(u"ui/geometry"_s).toByteArray();
}

void Settings::setWindowGeometry(const QByteArray &geometry)
{
    m_settings->setValue(u"ui/geometry"_s, geometry);
}

} // namespace suanli::app
