"""The worklist ("Vandaag"): its done and snoozed marks and the queries that find due work."""
