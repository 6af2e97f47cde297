~ temp x = 1
   {x > 0: yes | no}   
// expect: yes
