import { PageHeader } from "../_components/ui/card";

export default function HomePage() {
  return <PageHeader title="Upcoming events" description="Find something worth going to." />;
}
