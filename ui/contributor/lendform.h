#pragma once

#include "host/hostconfig.h"

#include <optional>

class QDoubleSpinBox;
class QLabel;
class QWidget;

/// The form pieces the Lend view and the lending wizard share: their boxes, money in a box
/// and the schedule as the owner types it.
namespace suanli::ui::lendform {

/// A box from 0 to `max`.
QDoubleSpinBox *doubleBox(double max, int decimals, const QString &suffix, QWidget *parent);

/// An amount of money shown in whole units (price per hour, per kWh).
Micro microIn(const QDoubleSpinBox *box);
void setMicro(QDoubleSpinBox *box, Micro amount);

/// "mon-fri 22:00-08:00, sat 00:00-24:00" as windows (no text: any time). A bad window puts
/// its message in `error`, shows it and gives nullopt; a good schedule hides `error`.
std::optional<QList<host::ScheduleWindow>> parseSchedule(const QString &text, QLabel *error);

} // namespace suanli::ui::lendform
