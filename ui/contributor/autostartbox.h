#pragma once

#include "protocol/result.h"

#include <QCheckBox>

namespace suanli::ui {

/// "Start Suanli when I log in", in the Lend wizard and in Settings (docs/contributor.md,
/// "Autostart"): checked when the autostart entry (contributor::Autostart) exists and starts
/// this very binary, in the tray. apply() writes or removes the entry, and only when the box
/// was changed: an entry of another installation is left alone until the user decides.
class AutostartBox : public QCheckBox
{
    Q_OBJECT
public:
    /// `executable`: the suanli binary the entry starts (this process's by default).
    explicit AutostartBox(QWidget *parent = nullptr, QString executable = {});

    /// Whether the entry exists and starts `executable` (what the box shows).
    static bool entryStarts(const QString &executable);
    /// Reads the entry again.
    void refresh();
    /// Writes the entry (checked) or removes it (unchecked) when the box differs from what
    /// was read; then reads it again.
    Result<void> apply();

private:
    QString m_executable;
    bool m_read = false; ///< the state read by refresh()
};

} // namespace suanli::ui
