/** A select's options for a list of teams: each team's id as the value, its name as the label. */
export function TeamOptions({ teams }: { teams: readonly { id: string; name: string }[] }) {
  return teams.map((t) => (
    <option key={t.id} value={t.id}>
      {t.name}
    </option>
  ));
}
