import { Field } from './field';

interface DateRangeFieldsProps {
  fromDay: string;
  toDay: string;
  onFromDayChange: (event: { target: { value: string } }) => void;
  onToDayChange: (event: { target: { value: string } }) => void;
}

/** "From"/"To" day pickers used by every filter form; each bound stops the other from crossing it. */
export function DateRangeFields({ fromDay, toDay, onFromDayChange, onToDayChange }: DateRangeFieldsProps) {
  return (
    <>
      <Field label="From">
        <input className="input" type="date" value={fromDay} max={toDay || undefined} onChange={onFromDayChange} />
      </Field>
      <Field label="To">
        <input className="input" type="date" value={toDay} min={fromDay || undefined} onChange={onToDayChange} />
      </Field>
    </>
  );
}
