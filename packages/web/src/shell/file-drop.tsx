import { useId, useState, type ReactNode } from 'react';

/**
 * A zone that takes files dropped on it or picked with its button: a hidden file input behind a label, so the
 * button is reachable by keyboard. `children` stand above the button; `onFiles` gets every file of a drop or a pick.
 */
export function FileDrop({
  className,
  chooseLabel,
  disabled,
  onFiles,
  children,
}: {
  /** A class beside `dropzone`, for the page's own layout. */
  readonly className?: string;
  readonly chooseLabel: string;
  /** Disables the button (a drop is still taken: the caller decides what to do with it). */
  readonly disabled?: boolean;
  readonly onFiles: (files: File[]) => void;
  readonly children: ReactNode;
}) {
  const [dragging, setDragging] = useState(false);
  const inputId = useId();
  const classes = ['dropzone', className, dragging ? 'dragging' : undefined].filter((c) => c !== undefined);
  return (
    <div
      className={classes.join(' ')}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        onFiles([...e.dataTransfer.files]);
      }}
    >
      {children}
      <label htmlFor={inputId} className="button">
        {chooseLabel}
      </label>
      <input
        id={inputId}
        type="file"
        multiple
        disabled={disabled}
        className="visually-hidden-file"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          // Cleared so that picking the same file again is seen as a change.
          e.target.value = '';
          onFiles(files);
        }}
      />
    </div>
  );
}
