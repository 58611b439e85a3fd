/**
 * State machines: the ASL file, the functions it calls and the environment variable through
 * which functions learn its ARN. Shared by the CDK stack and the local runtime.
 */
export interface StateMachineDef {
  id: string;
  file: string;
  envVar: string;
  tasks: string[];
}

export const stateMachines: StateMachineDef[] = [
  {
    id: 'case-lifecycle',
    file: 'state-machines/case-lifecycle.asl.json',
    envVar: 'CASE_STATE_MACHINE_ARN',
    tasks: ['SendNotices', 'NextDeadline', 'RegisterWait', 'Warn', 'Escalate', 'HandOver'],
  },
];
